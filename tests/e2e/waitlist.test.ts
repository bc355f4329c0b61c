import { and, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  appointments,
  locations,
  motifs,
  outbox,
  patients,
  practices,
  waitlistEntries,
} from '../../src/server/db/schema';
import { demoPassword } from '../../src/server/demo/demo-data';
import { makeOpeningRange, makeStaff } from '../support/factories';
import { type E2eServer, launchBrowser, newPage, phoneViewport, startServer } from './support';

let server: E2eServer;
let browser: Browser;
let dentist: { id: string };
let marie: { id: string; email: string | null };
/** Paul Durand's appointment with the new dentist, a week ahead, that a colleague will cancel. */
let freed: { id: string; startsAt: Date };

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const db = server.deps.db;
  const [practice] = await db.select().from(practices).where(eq(practices.slug, 'cabinet-des-tilleuls'));
  const practiceId = practice?.id ?? '';
  const [site] = await db.select().from(locations).where(eq(locations.practiceId, practiceId));
  const [controle] = await db
    .select()
    .from(motifs)
    .where(and(eq(motifs.practiceId, practiceId), eq(motifs.name, 'Consultation de contrôle')));
  const family = await db.select().from(patients).where(eq(patients.practiceId, practiceId));
  const paul = family.find((person) => person.firstName === 'Paul' && person.lastName === 'Durand');
  const found = family.find((person) => person.firstName === 'Marie' && person.lastName === 'Durand');
  if (!site || !controle || !paul || !found) throw new Error('demo practice incomplete');
  marie = found;
  // a new dentist with an empty agenda, Monday–Friday 09:00–12:00
  dentist = await makeStaff(db, practiceId, {
    role: 'practitioner',
    firstName: 'Alice',
    lastName: 'Testard',
  });
  await makeOpeningRange(db, practiceId, dentist.id, site.id);
  const day = new Date(Date.now() + 7 * 86_400_000);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  const startsAt = new Date(`${day.toISOString().slice(0, 10)}T08:00:00Z`); // 09:00 or 10:00 in Paris
  const [appointment] = await db
    .insert(appointments)
    .values({
      practiceId,
      practitionerId: dentist.id,
      locationId: site.id,
      motifId: controle.id,
      patientId: paul.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 30 * 60_000),
      patientAgreedOtherPractitioner: true,
    })
    .returning();
  if (!appointment) throw new Error('appointment not created');
  freed = { id: appointment.id, startsAt };
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signInTo(page: Page, path: string, email: string) {
  await page.goto(`${server.url}${path}`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(demoPassword);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

/** The link of the newest offer sent to a recipient, as they read it in their message. */
async function offerLinkTo(recipient: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(
      async () => {
        const messages = await server.deps.db
          .select()
          .from(outbox)
          .where(and(eq(outbox.recipient, recipient), eq(outbox.kind, 'waitlist_offer')));
        link = messages[0]?.body.match(/https?:\/\/\S+\/rdv\/offre\/[\w-]+/)?.[0];
        return link;
      },
      { timeout: 15_000 },
    )
    .toBeTruthy();
  return link ?? '';
}

it('a secretary puts a patient on the waiting list on a phone; a freed slot reaches her; she books it from the link', async () => {
  // the front desk, on a 360 px screen
  const desk = await browser.newContext({ viewport: phoneViewport });
  const { page, problems } = await newPage(desk);
  await signInTo(page, '/console/waitlist', 'nadia.lefevre@cabinet-tilleuls.example');
  await page.getByRole('heading', { name: 'Liste d’attente', level: 1 }).waitFor();
  await page.getByText('Personne n’attend de rendez-vous pour le moment.').waitFor();

  await page.getByRole('button', { name: 'Ajouter un patient' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ajouter à la liste d’attente' });
  await dialog.waitFor();
  // keyboard only: the search has the focus, ↓ then Enter picks the first result
  const search = dialog.getByRole('combobox', { name: /Rechercher un patient/ });
  await expect.poll(() => search.evaluate((element) => element === document.activeElement)).toBe(true);
  await page.keyboard.type('Durand Marie');
  await dialog
    .getByRole('option', { name: /Durand Marie/i })
    .first()
    .waitFor();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await dialog.getByText('DURAND Marie').waitFor();
  await dialog.getByLabel('Motif').selectOption({ label: 'Consultation de contrôle (30 min)' });
  await dialog.getByLabel('Praticien').selectOption({ label: 'Alice Testard' });
  // a window that ends before it starts is refused under its field
  const from = await dialog.getByLabel('Disponible à partir du').inputValue();
  await dialog.getByLabel('Jusqu’au').fill('2020-01-01');
  await dialog.getByRole('button', { name: 'Ajouter à la liste' }).click();
  await dialog.getByText('La fin doit être après le début.').waitFor();
  const until = new Date(Date.parse(`${from}T12:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
  await dialog.getByLabel('Jusqu’au').fill(until);
  await dialog.getByRole('button', { name: 'Ajouter à la liste' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByText('DURAND Marie est sur la liste d’attente.').waitFor();
  const row = page.getByRole('row', { name: /DURAND Marie/ });
  await row.getByText('0 sur 3').waitFor();
  await row.getByRole('button', { name: 'Retirer DURAND Marie de la liste' }).waitFor();
  // nothing on the page is wider than the phone
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // a colleague cancels Paul Durand's appointment with Dr Testard
  const colleague = await browser.newContext();
  const signIn = await colleague.request.post(`${server.url}/api/staff/sign-in`, {
    data: { email: 'claire.martin@cabinet-tilleuls.example', password: demoPassword },
  });
  expect(signIn.status()).toBe(200);
  const cancel = await colleague.request.post(`${server.url}/api/console/appointments/${freed.id}/cancel`, {
    data: { by: 'patient', reason: 'Empêchement' },
  });
  expect(cancel.status()).toBe(200);
  await colleague.close();

  // the offer reaches Marie by email (and SMS); the front desk sees it counted
  const link = await offerLinkTo(marie.email ?? '');
  expect(link.startsWith(`${server.url}/rdv/offre/`)).toBe(true);
  await page.getByRole('button', { name: 'Actualiser' }).click();
  await row.getByText('1 sur 3').waitFor();
  await page.screenshot({ path: '/tmp/wl-phone.png', fullPage: true });
  await page.setViewportSize({ width: 1300, height: 800 });
  await page.screenshot({ path: '/tmp/wl-desk.png', fullPage: true });
  await page.getByRole('button', { name: 'Ajouter un patient' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ajouter à la liste' }).click();
  await page.getByRole('dialog').getByText('Choisissez').first().waitFor();
  await page.screenshot({ path: '/tmp/wl-dialog.png' });
  await page.keyboard.press('Escape');
  await page.setViewportSize({ width: 360, height: 740 });

  // Marie opens the link on her phone and takes the appointment
  const phone = await browser.newContext({ viewport: phoneViewport });
  const patient = await newPage(phone);
  await patient.page.goto(link);
  await patient.page.getByRole('heading', { name: 'Un créneau s’est libéré' }).waitFor();
  await patient.page.getByRole('button', { name: 'Je prends ce rendez-vous' }).click();
  await patient.page.getByRole('heading', { name: 'Votre rendez-vous est confirmé' }).waitFor();
  const booked = await server.deps.db
    .select()
    .from(appointments)
    .where(and(eq(appointments.patientId, marie.id), eq(appointments.practitionerId, dentist.id)));
  expect(booked).toHaveLength(1);
  expect(booked[0]).toMatchObject({ channel: 'online', startsAt: freed.startsAt });
  const [entry] = await server.deps.db
    .select()
    .from(waitlistEntries)
    .where(eq(waitlistEntries.patientId, marie.id));
  expect(entry?.status).toBe('fulfilled');

  // the front desk's list follows
  await page.getByLabel('Afficher').selectOption({ label: 'Rendez-vous pris' });
  await page
    .getByRole('row', { name: /DURAND Marie/ })
    .getByText('Rendez-vous pris')
    .waitFor();

  expect(problems).toEqual([]);
  expect(patient.problems).toEqual([]);
  await phone.close();
  await desk.close();
});
