import { and, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { appointments, locations, outbox } from '../../src/server/db/schema';
import { makeOpeningRange, makePatient, makeStaff, nextWeekdayAt } from '../support/factories';
import { expectNoSeriousA11yViolations } from './axe';
import { demoAccounts, demoBernardInLyon, demoPracticeRow, signInStaff } from './demo';
import { type E2eServer, launchBrowser, newPage, startServer } from './support';

/**
 * Issue 9 §2.9 for the "Modifier" dialog: a change the patient is told of (time, practitioner, location,
 * motif) asks "Prévenir le patient" as a drag does; a change they never see (comment, flags) asks nothing
 * and sends nothing.
 */
let server: E2eServer;
let browser: Browser;
beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The front desk signs in on the console at `path`. */
const signIn = (page: Page, path: string) => signInStaff(page, server, demoAccounts.secretary, path);

it('the edit dialog asks before telling the patient of a new time, and never for a comment', async () => {
  const db = server.deps.db;
  const practice = await demoPracticeRow(db);
  const { controle } = await demoBernardInLyon(db, practice.id);
  const [site] = await db.select().from(locations).where(eq(locations.practiceId, practice.id));
  // a dentist of its own, so that no demo appointment stands in the way
  const dentist = await makeStaff(db, practice.id, {
    role: 'practitioner',
    firstName: 'Éloi',
    lastName: 'Modifard',
  });
  await makeOpeningRange(db, practice.id, dentist.id, site?.id ?? '');
  const patient = await makePatient(db, practice.id, { lastName: 'Verdier', firstName: 'Chloé' });
  const startsAt = new Date(nextWeekdayAt(10));
  const [created] = await db
    .insert(appointments)
    .values({
      practiceId: practice.id,
      practitionerId: dentist.id,
      locationId: site?.id ?? '',
      motifId: controle.id,
      patientId: patient.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 30 * 60_000),
    })
    .returning();
  if (!created) throw new Error('appointment not created');
  const noticesOf = () => db.select().from(outbox).where(eq(outbox.appointmentId, created.id));
  const movedNotices = () =>
    db
      .select()
      .from(outbox)
      .where(and(eq(outbox.appointmentId, created.id), eq(outbox.kind, 'appointment_moved')));
  const current = async () => {
    const [row] = await db.select().from(appointments).where(eq(appointments.id, created.id));
    return row;
  };

  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const { page, problems } = await newPage(context);
  await signIn(page, `/console/agenda?appointment=${created.id}`);
  const panel = page.getByRole('complementary', { name: 'Rendez-vous' });
  await panel
    .getByText(/VERDIER Chloé/i)
    .first()
    .waitFor();
  const dialog = page.getByRole('dialog', { name: 'Modifier le rendez-vous' });
  const notifyBox = dialog.getByLabel('Prévenir le patient');
  const edit = async () => {
    await panel.getByRole('button', { name: 'Modifier', exact: true }).click();
    await dialog.waitFor();
  };

  // a comment only: nothing to ask, nothing sent
  await edit();
  await dialog.getByLabel('Commentaire pour l’équipe').fill('Préfère le matin');
  expect(await notifyBox.count()).toBe(0);
  // a new time asks; put back, it no longer does
  await dialog.getByLabel('Heure').fill('10:30');
  await notifyBox.waitFor();
  await dialog.getByLabel('Heure').fill('10:00');
  await notifyBox.waitFor({ state: 'detached' });
  await dialog.getByRole('button', { name: 'Enregistrer le rendez-vous' }).click();
  await dialog.waitFor({ state: 'detached' });
  await expect.poll(async () => (await current())?.comment).toBe('Préfère le matin');
  expect((await current())?.startsAt.getTime()).toBe(startsAt.getTime());
  expect(await noticesOf()).toEqual([]);

  // a new time with the box unticked: moved, nothing queued for the patient
  await edit();
  await dialog.getByLabel('Heure').fill('10:30');
  expect(await notifyBox.isChecked()).toBe(true);
  await expectNoSeriousA11yViolations(page);
  await notifyBox.uncheck();
  await dialog.getByRole('button', { name: 'Enregistrer le rendez-vous' }).click();
  await dialog.waitFor({ state: 'detached' });
  await expect.poll(async () => (await current())?.startsAt.getTime()).toBe(startsAt.getTime() + 30 * 60_000);
  expect(await movedNotices()).toEqual([]);

  // a new time with the box left ticked: one notice of the move
  await edit();
  await dialog.getByLabel('Heure').fill('11:00');
  expect(await notifyBox.isChecked()).toBe(true);
  await dialog.getByRole('button', { name: 'Enregistrer le rendez-vous' }).click();
  await dialog.waitFor({ state: 'detached' });
  await expect.poll(async () => (await current())?.startsAt.getTime()).toBe(startsAt.getTime() + 60 * 60_000);
  const moved = await movedNotices();
  expect(moved).toHaveLength(1);
  expect(moved[0]?.recipient).toBe(patient.mobilePhone);
  expect(problems).toEqual([]);
  await context.close();
});
