import { and, eq } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Db } from '../../src/server/db/client';
import { locations, motifs, patients, practices, staff } from '../../src/server/db/schema';
import { demoPassword, demoSlug } from '../../src/server/demo/demo-data';
import { lastCodeSentTo } from '../support/factories';
import type { E2eServer } from './support';

/** The demo practice's staff accounts (all with `demoPassword`). */
export const demoAccounts = {
  admin: 'claire.martin@cabinet-tilleuls.example',
  secretary: 'nadia.lefevre@cabinet-tilleuls.example',
  practitioner: 'sophie.bernard@cabinet-tilleuls.example',
};

/** Who a patient says they are at the app's sign-in, and the phone the code goes to. */
export interface DemoIdentity {
  /** the phone as typed */
  phone: string;
  /** the same phone as the outbox stores it */
  e164: string;
  lastName: string;
  firstName: string;
  birthDate: string;
}

/** Paul Durand, an adult of the demo with his own phone. */
export const paulDurand: DemoIdentity = {
  phone: '06 39 98 10 01',
  e164: '+33639981001',
  lastName: 'Durand',
  firstName: 'Paul',
  birthDate: '1980-03-14',
};

/** Léa Durand, Paul's daughter: she signs in with her father's phone. */
export const leaDurand: DemoIdentity = { ...paulDurand, firstName: 'Léa', birthDate: '2012-05-03' };

/** The demo practice's row. */
export async function demoPracticeRow(db: Db) {
  const [practice] = await db.select().from(practices).where(eq(practices.slug, demoSlug));
  if (!practice) throw new Error('demo practice missing');
  return practice;
}

/** A patient's file in the demo practice. */
export async function demoPatient(db: Db, lastName: string, firstName: string) {
  const practice = await demoPracticeRow(db);
  const [file] = await db
    .select()
    .from(patients)
    .where(
      and(
        eq(patients.practiceId, practice.id),
        eq(patients.lastName, lastName),
        eq(patients.firstName, firstName),
      ),
    );
  if (!file) throw new Error(`no file for ${firstName} ${lastName}`);
  return file;
}

/** Dr Bernard, the Lyon site and the check-up motif of the demo practice: what an appointment needs. */
export async function demoBernardInLyon(db: Db, practiceId: string) {
  const [bernard] = await db
    .select()
    .from(staff)
    .where(and(eq(staff.practiceId, practiceId), eq(staff.lastName, 'Bernard')));
  const [lyon] = await db
    .select()
    .from(locations)
    .where(and(eq(locations.practiceId, practiceId), eq(locations.postalCode, '69003')));
  const [controle] = await db
    .select()
    .from(motifs)
    .where(and(eq(motifs.practiceId, practiceId), eq(motifs.name, 'Consultation de contrôle')));
  if (!bernard || !lyon || !controle) throw new Error('demo practitioner, location or motif missing');
  return { bernard, lyon, controle };
}

/** A staff member signs in through the console's form, landing on `path`. */
export async function signInStaff(
  page: Page,
  server: E2eServer,
  email: string,
  path = '/console/',
): Promise<void> {
  // a step that fails names itself well before the test's own time limit
  page.setDefaultTimeout(15_000);
  await page.goto(`${server.url}${path}`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(demoPassword);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

/** After a secretary signs in on the console's home, she lands on the agenda (issue 9 §2.12). */
export async function landedOnAgenda(page: Page, server: E2eServer): Promise<void> {
  await page.waitForURL(`${server.url}/console/agenda`);
  await page.getByRole('button', { name: 'Jour', exact: true }).waitFor();
}

/** A staff member's API session: the context gets the cookie. */
export async function signInStaffApi(
  context: BrowserContext,
  server: E2eServer,
  email: string,
): Promise<void> {
  const answer = await context.request.post(`${server.url}/api/staff/sign-in`, {
    data: { email, password: demoPassword },
  });
  expect(answer.status(), await answer.text()).toBe(200);
}

/** A patient signs in to the app through the API (identity, then the code from the outbox): the context gets the cookie. */
export async function signInPatientApi(
  context: BrowserContext,
  server: E2eServer,
  identity: DemoIdentity,
  options: { userAgent?: string } = {},
): Promise<void> {
  const headers = options.userAgent ? { headers: { 'user-agent': options.userAgent } } : {};
  const start = await context.request.post(`${server.url}/api/patient/sign-in`, {
    data: {
      practice: demoSlug,
      phone: identity.phone,
      lastName: identity.lastName,
      firstName: identity.firstName,
      birthDate: identity.birthDate,
    },
    ...headers,
  });
  expect(start.status(), await start.text()).toBe(200);
  const { challengeId } = (await start.json()) as { challengeId: string };
  const verify = await context.request.post(`${server.url}/api/patient/sign-in/verify`, {
    data: { challengeId, code: await lastCodeSentTo(server.deps.db, identity.e164) },
    ...headers,
  });
  expect(verify.status(), await verify.text()).toBe(200);
}
