import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { appointments, staff } from '../../src/server/db/schema';
import { expectNoSeriousA11yViolations } from './axe';
import { demoAccounts, demoBernardInLyon, demoPatient, demoPracticeRow, signInStaff } from './demo';
import { type E2eServer, launchBrowser, newPage, startServer } from './support';

/** Issue 9 §2.10: the agenda opened from the patient file, and booking a known patient in few clicks. */
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

/** Counts the clicks a person makes on the page (typing is not a click). */
async function countClicks(page: Page) {
  await page.evaluate(() => {
    (window as unknown as { clicks: number }).clicks = 0;
    document.addEventListener('click', (event) => {
      if (event.isTrusted) (window as unknown as { clicks: number }).clicks += 1;
    });
  });
  return () => page.evaluate(() => (window as unknown as { clicks: number }).clicks);
}

const bookingsOf = async (patientId: string) =>
  server.deps.db
    .select()
    .from(appointments)
    .where(
      and(eq(appointments.patientId, patientId), gt(appointments.createdAt, new Date(Date.now() - 60_000))),
    );

it('?book= opens "find a slot" for the patient, dentist and motif: a slot and one confirmation book it', async () => {
  const db = server.deps.db;
  const practice = await demoPracticeRow(db);
  const { bernard, controle } = await demoBernardInLyon(db, practice.id);
  const paul = await demoPatient(db, 'Durand', 'Paul');
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const { page, problems } = await newPage(context);
  await signIn(page, `/console/agenda?book=${paul.id}&practitioner=${bernard.id}&motif=${controle.id}`);

  const finder = page.getByRole('dialog', { name: 'Trouver un créneau' });
  await finder.getByText('DURAND Paul').waitFor();
  expect(await finder.getByLabel('Motif').inputValue()).toBe(controle.id);
  expect(await finder.getByLabel('Dr Sophie Bernard').isChecked()).toBe(true);
  expect(await finder.getByLabel('Dr Karim Haddad').isChecked()).toBe(false);
  // the slots are listed without asking
  const slots = finder.locator('.slot-button');
  await slots.first().waitFor();
  expect(new URL(page.url()).search).toBe('');
  await expectNoSeriousA11yViolations(page);

  const clicks = await countClicks(page);
  const chosen = (await slots.first().getAttribute('aria-label')) ?? '';
  expect(chosen).toContain('Dr Bernard');
  await slots.first().click();
  const dialog = page.getByRole('dialog', { name: 'Nouveau rendez-vous' });
  await dialog.getByText('DURAND Paul').waitFor();
  await dialog.getByRole('button', { name: 'Enregistrer le rendez-vous' }).click();
  await dialog.waitFor({ state: 'detached' });
  expect(await clicks()).toBe(2);
  const booked = await bookingsOf(paul.id);
  expect(booked).toHaveLength(1);
  expect(booked[0]?.practitionerId).toBe(bernard.id);
  expect(booked[0]?.motifId).toBe(controle.id);

  // a reload does not open the finder again
  await page.reload();
  await page.getByRole('button', { name: 'Nouveau RDV' }).waitFor();
  expect(await finder.count()).toBe(0);
  expect(problems).toEqual([]);
  await context.close();
});

it('the own dentist shows before saving, and another dentist is said with a way back to the own one', async () => {
  const db = server.deps.db;
  const practice = await demoPracticeRow(db);
  const paul = await demoPatient(db, 'Durand', 'Paul');
  const [own] = await db
    .select()
    .from(staff)
    .where(eq(staff.id, paul.ownPractitionerId ?? ''));
  const [other] = await db
    .select()
    .from(staff)
    .where(
      and(
        eq(staff.practiceId, practice.id),
        eq(staff.lastName, own?.lastName === 'Moreau' ? 'Bernard' : 'Moreau'),
      ),
    );
  if (!own || !other) throw new Error('the demo gives Paul Durand an own dentist');
  const { controle } = await demoBernardInLyon(db, practice.id);
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const { page, problems } = await newPage(context);
  await signIn(page, `/console/agenda?book=${paul.id}&practitioner=${other.id}&motif=${controle.id}`);
  const finder = page.getByRole('dialog', { name: 'Trouver un créneau' });
  const slots = finder.locator('.slot-button');
  await slots.first().click();
  const dialog = page.getByRole('dialog', { name: 'Nouveau rendez-vous' });
  const ownName = `Dr ${own.firstName} ${own.lastName}`;
  await dialog.getByText(`dentiste habituel : ${ownName}`).waitFor();
  expect(await dialog.getByLabel('Praticien').inputValue()).toBe(other.id);
  // said before saving, not only after a refusal
  await dialog.getByText(/est suivi·e par .*l’accord du patient vous sera demandé/).waitFor();
  await expectNoSeriousA11yViolations(page);
  await dialog.getByRole('button', { name: `Prendre ${ownName}` }).click();
  expect(await dialog.getByLabel('Praticien').inputValue()).toBe(own.id);
  expect(await dialog.getByText(/l’accord du patient vous sera demandé/).count()).toBe(0);
  await dialog.getByRole('button', { name: 'Fermer', exact: true }).last().click();
  await dialog.waitFor({ state: 'detached' });
  expect(problems).toEqual([]);
  await context.close();
});

it('?appointment= opens its day, its practitioner shown, with its panel', async () => {
  const db = server.deps.db;
  const practice = await demoPracticeRow(db);
  const [haddad] = await db
    .select()
    .from(staff)
    .where(and(eq(staff.practiceId, practice.id), eq(staff.lastName, 'Haddad')));
  const [target] = await db
    .select()
    .from(appointments)
    .where(
      and(
        eq(appointments.practitionerId, haddad?.id ?? ''),
        gt(appointments.startsAt, new Date(Date.now() + 9 * 86_400_000)),
        isNull(appointments.deletedAt),
        isNull(appointments.cancelledAt),
      ),
    )
    .orderBy(appointments.startsAt)
    .limit(1);
  if (!target) throw new Error('no appointment of Dr Haddad in the demo');
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(target.startsAt);
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const { page, problems } = await newPage(context);
  // the agenda remembers showing Dr Bernard only: the link adds Dr Haddad
  await signIn(page, '/console/agenda');
  await page.getByRole('button', { name: 'Nouveau RDV' }).waitFor();
  await page.keyboard.press('1');
  await page.goto(`${server.url}/console/agenda?appointment=${target.id}`);

  const panel = page.getByRole('complementary', { name: 'Rendez-vous' });
  await panel.waitFor();
  const patient = await db.query.patients.findFirst({
    where: (row, { eq: equal }) => equal(row.id, target.patientId),
  });
  await panel
    .getByText(new RegExp(patient?.lastName ?? '-', 'i'))
    .first()
    .waitFor();
  await page.locator(`[data-column-key="${date}|${haddad?.id}"]`).waitFor();
  expect(new URL(page.url()).search).toBe('');
  await page.reload();
  await page.getByRole('button', { name: 'Nouveau RDV' }).waitFor();
  expect(await panel.count()).toBe(0);

  // an unknown appointment: said in words
  await page.goto(`${server.url}/console/agenda?appointment=00000000-0000-4000-8000-000000000000`);
  await page.getByText('Ce rendez-vous ou ce patient est introuvable.').waitFor();
  expect(problems).toEqual([]);
  await context.close();
});

it('from the agenda: a known patient, a check-up next week, in five clicks', async () => {
  const db = server.deps.db;
  const marie = await demoPatient(db, 'Durand', 'Marie');
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const { page, problems } = await newPage(context);
  await signIn(page, '/console/agenda');
  await page.getByRole('button', { name: 'Nouveau RDV' }).waitFor();
  const clicks = await countClicks(page);

  await page.getByRole('button', { name: 'Trouver un créneau' }).click(); // 1
  const finder = page.getByRole('dialog', { name: 'Trouver un créneau' });
  await finder.getByRole('combobox', { name: /Rechercher un patient/ }).fill('durand marie');
  await finder
    .getByRole('option', { name: /Durand Marie/i })
    .first()
    .click(); // 2
  await finder.getByLabel('Motif').selectOption({ label: 'Consultation de contrôle (30 min)' }); // a choice, not a click if it is the first motif
  await finder.getByRole('button', { name: 'Semaine prochaine' }).click(); // 3
  const slots = finder.locator('.slot-button');
  await slots.first().click(); // 4
  const dialog = page.getByRole('dialog', { name: 'Nouveau rendez-vous' });
  await dialog.getByRole('button', { name: 'Enregistrer le rendez-vous' }).click(); // 5
  await dialog.waitFor({ state: 'detached' });
  const booked = await bookingsOf(marie.id);
  expect(booked).toHaveLength(1);
  const counted = await clicks();
  console.info(`clicks from the agenda: ${counted}`);
  expect(counted).toBeLessThanOrEqual(5);
  expect(problems).toEqual([]);
  await context.close();
});
