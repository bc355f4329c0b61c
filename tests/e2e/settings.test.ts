import { eq } from 'drizzle-orm';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { appointments, outbox } from '../../src/server/db/schema';
import { demoPassword } from '../../src/server/demo/demo-data';
import { zonedInstant } from '../../src/web/shared/zoned-time';
import { expectNoSeriousA11yViolations } from './axe';
import { demoBernardInLyon, demoPatient, demoPracticeRow } from './demo';
import { type E2eServer, launchBrowser, newPage, phoneViewport, startServer } from './support';

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

async function signIn(page: Page, email: string): Promise<void> {
  // a step that fails names itself well before the test's own time limit
  page.setDefaultTimeout(15_000);
  await page.goto(`${server.url}/console/`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(demoPassword);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { name: /^Bonjour/ }).waitFor();
}

/** A day `days` from now, moved forward to the next Monday: `YYYY-MM-DD`. */
function mondayAfter(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  date.setUTCDate(date.getUTCDate() + ((8 - date.getUTCDay()) % 7));
  return date.toISOString().slice(0, 10);
}

/** The error shown under the field with this label. */
function errorUnder(scope: Locator, label: string): Locator {
  // the inner locator of `has` is relative to each `.field`, so it starts from the page, not the scope
  return scope
    .locator('.field', { has: scope.page().getByLabel(label, { exact: true }) })
    .locator('.field__error');
}

it('the admin opens on Saturdays, creates a motif, then a range every 2 weeks for Dr Bernard offering it', async () => {
  const context = await browser.newContext();
  const { page, problems } = await newPage(context);
  await signIn(page, 'claire.martin@cabinet-tilleuls.example');
  await page.getByRole('link', { name: 'Paramètres' }).click();
  await page.getByRole('heading', { name: 'Cabinet', level: 2 }).waitFor();
  expect(await page.getByLabel(/^Nom du cabinet/).inputValue()).toBe('Cabinet dentaire des Tilleuls');

  // Cabinet: open on Saturday mornings; the server's error lands on the Saturday row it concerns
  const saturday = page.getByRole('group', { name: 'Samedi' });
  await saturday.getByRole('button', { name: 'Ajouter une période : Samedi' }).click();
  await saturday.getByLabel('Ouverture').fill('09:00');
  await saturday.getByLabel('Fermeture').fill('08:00');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect
    .poll(() => errorUnder(saturday, 'Fermeture').textContent())
    .toBe('La fin doit être après le début.');
  expect(await errorUnder(page.getByRole('group', { name: 'Lundi' }), 'Fermeture').count()).toBe(0);
  await saturday.getByLabel('Fermeture').fill('12:00');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.getByText('Paramètres du cabinet enregistrés.').waitFor();
  expect(await errorUnder(saturday, 'Fermeture').count()).toBe(0);

  await page.getByRole('link', { name: 'Motifs' }).click();
  await page.getByRole('button', { name: 'Nouveau motif' }).click();
  const motifDialog = page.getByRole('dialog', { name: 'Nouveau motif' });
  await motifDialog.getByLabel(/^Nom/).fill('Bilan parodontal');
  await motifDialog.getByLabel('Catégorie').fill('Parodontologie');
  await motifDialog.getByLabel(/^Durée \(minutes\)/).fill('45');
  await motifDialog.getByLabel('Type de rendez-vous').selectOption('on_site');
  await motifDialog.getByLabel('Patients concernés').selectOption('existing_only');
  await motifDialog.getByRole('button', { name: 'Enregistrer' }).click();
  await motifDialog.waitFor({ state: 'detached' });
  await page.getByText('Motif « Bilan parodontal » enregistré.').waitFor();
  await page.getByRole('row', { name: /Bilan parodontal/ }).waitFor();

  await page.getByRole('link', { name: 'Plages d’ouverture' }).click();
  const picker = page.getByLabel('Praticien');
  const bernard = await picker.locator('option', { hasText: 'Sophie Bernard' }).getAttribute('value');
  await picker.selectOption(bernard ?? '');
  await page.getByRole('button', { name: 'Ajouter une plage' }).click();
  const rangeDialog = page.getByRole('dialog', { name: 'Nouvelle plage d’ouverture' });
  await rangeDialog.getByLabel('Lieu').selectOption({ label: 'Villeurbanne – Gratte-Ciel' });
  await rangeDialog.getByLabel('Premier jour', { exact: true }).fill(mondayAfter(7));
  await rangeDialog.getByLabel('Heure de début').fill('09:00');
  await rangeDialog.getByLabel('Heure de fin').fill('08:00');
  await rangeDialog.getByLabel('Chaque semaine, ou toutes les N semaines').check();
  await rangeDialog.getByLabel(/^Répéter toutes les/).fill('2');
  // the first day is a Monday: Monday is ticked already; add Thursday
  expect(await rangeDialog.getByLabel('Lundi', { exact: true }).isChecked()).toBe(true);
  await rangeDialog.getByLabel('Jeudi', { exact: true }).check();
  await rangeDialog.getByLabel('Bilan parodontal').check();
  await rangeDialog.getByRole('button', { name: 'Enregistrer' }).click();

  // the server refuses the end before the start: the message is under the end time, nothing typed is lost
  await expect
    .poll(() => errorUnder(rangeDialog, 'Heure de fin').textContent())
    .toBe('La fin doit être après le début.');
  expect(await errorUnder(rangeDialog, 'Heure de début').count()).toBe(0);
  expect(await rangeDialog.getByLabel(/^Répéter toutes les/).inputValue()).toBe('2');
  expect(await rangeDialog.getByLabel('Jeudi', { exact: true }).isChecked()).toBe(true);
  expect(await rangeDialog.getByLabel('Bilan parodontal').isChecked()).toBe(true);

  await rangeDialog.getByLabel('Heure de fin').fill('12:00');
  await rangeDialog.getByRole('button', { name: 'Enregistrer' }).click();
  await rangeDialog.waitFor({ state: 'detached' });
  await page.getByText('Plage d’ouverture enregistrée.').waitFor();
  const row = page.getByRole('row', { name: /Villeurbanne/ });
  await row.waitFor();
  const text = await row.textContent();
  expect(text).toContain('lun., jeu. · toutes les 2 semaines');
  // said in words, never as the raw iCalendar rule
  expect(text).not.toContain('FREQ=');
  expect(text).toContain('09:00 – 12:00');
  expect(text).toContain('Bilan parodontal');
  expect(problems).toEqual([]);
  await context.close();
});

it('a practitioner adds a one-off absence to her own agenda, on a phone, without the admin sections', async () => {
  const context = await browser.newContext({ viewport: phoneViewport });
  const { page, problems } = await newPage(context);
  await signIn(page, 'sophie.bernard@cabinet-tilleuls.example');
  await page.goto(`${server.url}/console/settings`);
  await page.getByRole('heading', { name: 'Plages d’ouverture', level: 2 }).waitFor();
  expect(page.url()).toBe(`${server.url}/console/settings/opening-ranges`);
  const tabs = page.getByRole('navigation', { name: 'Rubriques des paramètres' });
  expect(await tabs.getByRole('link').allTextContents()).toEqual(['Plages d’ouverture', 'Absences']);
  expect(await page.getByRole('link', { name: 'Cabinet' }).count()).toBe(0);
  expect(await page.getByLabel('Praticien').count()).toBe(0);
  // her own ranges from the demo are listed
  await page
    .getByRole('row', { name: /Lyon 3e/ })
    .first()
    .waitFor();

  await tabs.getByRole('link', { name: 'Absences' }).click();
  await page.getByRole('button', { name: 'Ajouter une absence' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouvelle absence' });
  const day = mondayAfter(14);
  await dialog.getByLabel(/^Intitulé/).fill('Formation implantologie');
  await dialog.getByLabel('Jour de début').fill(day);
  await dialog.getByLabel('Heure de début').fill('14:00');
  await dialog.getByLabel('Jour de fin').fill(day);
  await dialog.getByLabel('Heure de fin').fill('11:00');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect
    .poll(() => errorUnder(dialog, 'Heure de fin').textContent())
    .toBe('La fin doit être après le début.');
  expect(await dialog.getByLabel(/^Intitulé/).inputValue()).toBe('Formation implantologie');

  await dialog.getByLabel('Heure de fin').fill('18:00');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  // over appointments of the demo (which depend on the day), the dialog asks first: she keeps them
  const saved = page.getByText('Absence « Formation implantologie » enregistrée.');
  const asked = dialog.getByRole('button', { name: 'Garder les rendez-vous' });
  await saved.or(asked).first().waitFor();
  if (await asked.isVisible()) await asked.click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByText('Absence « Formation implantologie » enregistrée.').waitFor();
  const row = page.getByRole('row', { name: /Formation implantologie/ });
  expect(await row.textContent()).toMatch(/14:00.*18:00/);
  // the page fits the phone: only tables scroll sideways, never the page
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    phoneViewport.width,
  );
  expect(problems).toEqual([]);
  await context.close();
});

it('the Team page explains why the last admin cannot be demoted nor remove herself', async () => {
  const context = await browser.newContext();
  const { page, problems } = await newPage(context);
  await signIn(page, 'claire.martin@cabinet-tilleuls.example');
  await page.getByRole('link', { name: 'Équipe' }).click();
  await page.getByRole('heading', { name: 'Équipe', level: 1 }).waitFor();

  await page.getByRole('button', { name: 'Modifier : Claire Martin' }).click();
  const dialog = page.getByRole('dialog', { name: 'Modifier Claire Martin' });
  await dialog.getByLabel('Rôle').selectOption('secretary');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect
    .poll(() => dialog.getByRole('alert').textContent())
    .toContain('Le cabinet doit garder au moins un administrateur');
  await dialog.getByRole('button', { name: 'Annuler' }).click();

  await page.getByRole('button', { name: 'Retirer Claire Martin' }).click();
  const confirm = page.getByRole('dialog', { name: 'Retirer Claire Martin de l’équipe ?' });
  await confirm.getByRole('button', { name: 'Retirer' }).click();
  await expect
    .poll(() => confirm.getByRole('alert').textContent())
    .toContain('Vous ne pouvez pas retirer votre propre compte');
  await confirm.getByRole('button', { name: 'Annuler' }).click();

  // grant Dr Haddad the agenda of Dr Bernard
  await page.getByRole('button', { name: 'Modifier : Dr Karim Haddad' }).click();
  const haddad = page.getByRole('dialog', { name: 'Modifier Dr Karim Haddad' });
  await haddad.getByLabel('Dr Sophie Bernard').check();
  await haddad.getByRole('button', { name: 'Enregistrer' }).click();
  await haddad.waitFor({ state: 'detached' });
  await page.getByText('Voit aussi : Dr Sophie Bernard').waitFor();
  expect(problems).toEqual([]);
  await context.close();
});

it('an absence over booked appointments lists them first, then cancels them and tells each patient', async () => {
  const db = server.deps.db;
  const practice = await demoPracticeRow(db);
  const { bernard, lyon, controle } = await demoBernardInLyon(db, practice.id);
  const paul = await demoPatient(db, 'Durand', 'Paul');
  const day = mondayAfter(28);
  // before the demo's opening hours, so it meets none of the demo's appointments
  const startsAt = new Date(zonedInstant(day, 7 * 60, 'Europe/Paris'));
  const [booked] = await db
    .insert(appointments)
    .values({
      practiceId: practice.id,
      practitionerId: bernard.id,
      locationId: lyon.id,
      motifId: controle.id,
      patientId: paul.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 30 * 60_000),
      channel: 'staff',
    })
    .returning();

  const context = await browser.newContext();
  const { page, problems } = await newPage(context);
  await signIn(page, 'sophie.bernard@cabinet-tilleuls.example');
  await page.goto(`${server.url}/console/settings/absences`);
  await page.getByRole('button', { name: 'Ajouter une absence' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouvelle absence' });
  await dialog.getByLabel(/^Intitulé/).fill('Congrès');
  await dialog.getByLabel('Jour de début').fill(day);
  await dialog.getByLabel('Heure de début').fill('06:30');
  await dialog.getByLabel('Jour de fin').fill(day);
  await dialog.getByLabel('Heure de fin').fill('07:45');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();

  // nothing saved yet: the appointments it covers, and two deliberate choices
  const covered = dialog.getByRole('alert').filter({ hasText: /Cette absence couvre \d+ rendez-vous/ });
  await covered.waitFor();
  expect(await covered.textContent()).toContain('DURAND Paul');
  expect(await covered.textContent()).toContain('Consultation de contrôle');
  await expectNoSeriousA11yViolations(page);
  await dialog.getByRole('button', { name: 'Annuler ces rendez-vous et prévenir les patients' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByText('Absence « Congrès » enregistrée.').waitFor();

  const [after] = await db
    .select()
    .from(appointments)
    .where(eq(appointments.id, booked?.id ?? ''));
  expect(after).toMatchObject({
    status: 'cancelled',
    cancelledBy: 'practice',
    cancellationReason: 'Congrès',
  });
  const notices = await db
    .select()
    .from(outbox)
    .where(eq(outbox.appointmentId, booked?.id ?? ''));
  expect(notices.map((notice) => notice.kind)).toContain('appointment_cancelled_by_practice');
  expect(problems).toEqual([]);
  await context.close();
});
