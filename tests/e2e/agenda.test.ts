import { and, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { appointments, locations, outbox, practices } from '../../src/server/db/schema';
import { demoPassword } from '../../src/server/demo/demo-data';
import { makeOpeningRange, makeStaff } from '../support/factories';
import { expectNoSeriousA11yViolations } from './axe';
import { type E2eServer, launchBrowser, newPage, startServer } from './support';

let server: E2eServer;
let browser: Browser;
let dentist: { id: string };
/** A weekday at least a week ahead, YYYY-MM-DD in Paris, and how many days from today. */
let target: { date: string; days: number };

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const db = server.deps.db;
  const [practice] = await db.select().from(practices).where(eq(practices.slug, 'cabinet-des-tilleuls'));
  const [site] = await db
    .select()
    .from(locations)
    .where(eq(locations.practiceId, practice?.id ?? ''));
  // a new dentist with an empty agenda: Monday–Friday 09:00–12:00 at Lyon
  dentist = await makeStaff(db, practice?.id ?? '', {
    role: 'practitioner',
    firstName: 'Alice',
    lastName: 'Testard',
  });
  await makeOpeningRange(db, practice?.id ?? '', dentist.id, site?.id ?? '');
  const today = new Date(new Date().toLocaleString('en-US', { timeZone: 'Europe/Paris' }));
  const day = new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate() + 7));
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  const days = Math.round(
    (day.getTime() - Date.UTC(today.getFullYear(), today.getMonth(), today.getDate())) / 86_400_000,
  );
  target = { date: day.toISOString().slice(0, 10), days };
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openAgendaOnTargetDay(page: Page) {
  await page.goto(`${server.url}/console/`);
  await page.getByLabel('Adresse e-mail').fill('nadia.lefevre@cabinet-tilleuls.example');
  await page.getByLabel('Mot de passe').fill(demoPassword);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('link', { name: 'Agenda' }).click();
  await page.getByRole('button', { name: 'Jour', exact: true }).click();
  // keyboard shortcuts: → moves one day
  for (let step = 0; step < target.days; step += 1) await page.keyboard.press('ArrowRight');
  await page.locator(`[data-column-key="${target.date}|${dentist.id}"]`).waitFor();
}

/** The y of a local time in a column, read from the grid's own hour labels. */
async function yOf(page: Page, time: string, minutesAfter = 0) {
  const label = page
    .locator('.agenda-grid__times span', { hasText: time.slice(0, 2) === '0' ? time : time })
    .first();
  const top = await label.evaluate((element) => Number.parseFloat((element as HTMLElement).style.top));
  const column = await page.locator(`[data-column-key="${target.date}|${dentist.id}"]`).boundingBox();
  return (column?.y ?? 0) + top + minutesAfter * 1.6;
}

it('a secretary books a new patient from an empty slot, drags the appointment, marks it seen', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const { page, problems } = await newPage(context);
  await openAgendaOnTargetDay(page);

  const column = await page.locator(`[data-column-key="${target.date}|${dentist.id}"]`).boundingBox();
  await page.mouse.click((column?.x ?? 0) + 20, await yOf(page, '10:00', 5));
  const dialog = page.getByRole('dialog', { name: 'Nouveau rendez-vous' });
  await dialog.waitFor();
  expect(await dialog.getByLabel('Heure').inputValue()).toBe('10:00');

  await dialog.getByRole('button', { name: 'Créer un nouveau patient' }).click();
  await dialog.getByLabel(/^Nom/).fill('Lemaire');
  await dialog.getByLabel(/^Prénom/).fill('Inès');
  await dialog.getByLabel(/^Date de naissance/).fill('14/02/1990');
  await dialog.getByLabel(/^Téléphone portable/).fill('06 39 98 55 01');
  await dialog.getByLabel(/^Adresse e-mail/).fill('ines.lemaire@mail.example');
  await dialog.getByLabel(/^Adresse postale/).fill('4 rue Garibaldi');
  await dialog.getByLabel(/^Code postal/).fill('69003');
  await dialog.getByLabel(/^Ville/).fill('Lyon');
  await dialog.getByRole('button', { name: 'Créer le dossier' }).click();
  await dialog.getByText('LEMAIRE Inès').waitFor();

  await dialog.getByLabel('Motif').selectOption({ label: 'Consultation de contrôle (30 min)' });
  await dialog.getByLabel('Commentaire pour l’équipe').fill('Sensibilité au froid');
  await dialog.getByRole('button', { name: 'Enregistrer le rendez-vous' }).click();
  await dialog.waitFor({ state: 'detached' });

  const block = page.getByRole('button', { name: /10:00–10:30, LEMAIRE Inès, Consultation de contrôle/ });
  await block.waitFor();
  const panel = page.getByRole('complementary', { name: 'Rendez-vous' });
  await panel.getByText('Sensibilité au froid').waitFor();

  const [created] = await server.deps.db
    .select()
    .from(appointments)
    .where(eq(appointments.practitionerId, dentist.id));
  if (!created) throw new Error('appointment not saved');
  // a colleague books 11:30–12:00 meanwhile: the agenda hears of it live
  const colleagueStart = new Date(created.startsAt.getTime() + 90 * 60_000);
  const { id: _id, period: _period, ...copy } = created;
  await server.deps.db.insert(appointments).values({
    ...copy,
    comment: null,
    startsAt: colleagueStart,
    endsAt: new Date(colleagueStart.getTime() + 30 * 60_000),
  });
  server.deps.live.publish({ practiceId: created.practiceId, practitionerIds: [dentist.id] });
  await page.getByRole('button', { name: /11:30–12:00, LEMAIRE Inès/ }).waitFor();

  const drag = async (minutes: number) => {
    const box = await page.getByRole('button', { name: /^10:00–10:30, LEMAIRE Inès/ }).boundingBox();
    const x = (box?.x ?? 0) + (box?.width ?? 0) / 2;
    const y = (box?.y ?? 0) + 8;
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let step = 1; step <= 10; step += 1) await page.mouse.move(x, y + (minutes * 1.6 * step) / 10);
    await page.mouse.up();
  };
  // onto the colleague's appointment (11:15–11:45): refused at once, nothing sent
  await drag(75);
  await page.getByText('Ce créneau chevauche un autre rendez-vous.').waitFor();
  const [unmoved] = await server.deps.db.select().from(appointments).where(eq(appointments.id, created.id));
  expect(unmoved?.startsAt.getTime()).toBe(created.startsAt.getTime());
  // to 11:00, back to back with it: asked first (issue 9 §2.9); Cancel puts the block back
  const confirmDialog = page.getByRole('dialog', { name: 'Déplacer le rendez-vous ?' });
  await drag(60);
  await confirmDialog.waitFor();
  await confirmDialog.getByText(/10:00–10:30 · (Dr )?Testard/).waitFor();
  await confirmDialog.getByText(/11:00–11:30 · (Dr )?Testard/).waitFor();
  expect(await confirmDialog.getByLabel('Prévenir le patient').isChecked()).toBe(true);
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: /^11:00–11:30, LEMAIRE Inès/ }).waitFor();
  await confirmDialog.getByRole('button', { name: 'Annuler' }).click();
  await confirmDialog.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: /^10:00–10:30, LEMAIRE Inès/ }).waitFor();
  const [kept] = await server.deps.db.select().from(appointments).where(eq(appointments.id, created.id));
  expect(kept?.startsAt.getTime()).toBe(created.startsAt.getTime());

  // confirmed with the notice: held 30 s, and Undo withdraws it before it leaves
  const movedNotices = () =>
    server.deps.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.appointmentId, created.id), eq(outbox.kind, 'appointment_moved')));
  await drag(60);
  const confirmedAt = Date.now();
  await confirmDialog.getByRole('button', { name: 'Confirmer' }).click();
  const toast = page.locator('.undo-toast');
  await toast.getByText('Rendez-vous déplacé. Le patient sera prévenu.').waitFor();
  // focus on the toast stops its 8 s: the keyboard user does not lose the button
  await toast.getByRole('button', { name: 'Annuler' }).focus();
  const [held] = await movedNotices();
  expect(held?.status).toBe('pending');
  expect(held?.nextAttemptAt.getTime()).toBeGreaterThan(confirmedAt + 25_000);
  await expectNoSeriousA11yViolations(page);
  await toast.getByRole('button', { name: 'Annuler' }).click();
  await page.getByText('Modification annulée. Le patient n’a rien reçu.').waitFor();
  await page.getByRole('button', { name: /^10:00–10:30, LEMAIRE Inès/ }).waitFor();
  const [undone] = await server.deps.db.select().from(appointments).where(eq(appointments.id, created.id));
  expect(undone?.startsAt.getTime()).toBe(created.startsAt.getTime());
  expect(undone?.endsAt.getTime()).toBe(created.endsAt.getTime());
  expect(await movedNotices()).toEqual([]);

  // a resize asks too (no notice: the start does not change), and Undo gives the length back
  const handle = page
    .locator('.agenda-appointment', { has: page.getByRole('button', { name: /^10:00–10:30, LEMAIRE Inès/ }) })
    .locator('.agenda-appointment__resize');
  const edge = await handle.boundingBox();
  const ex = (edge?.x ?? 0) + (edge?.width ?? 0) / 2;
  const ey = (edge?.y ?? 0) + 3;
  await page.mouse.move(ex, ey);
  await page.mouse.down();
  for (let step = 1; step <= 10; step += 1) await page.mouse.move(ex, ey + (15 * 1.6 * step) / 10);
  await page.mouse.up();
  const resizeDialog = page.getByRole('dialog', { name: 'Changer la durée du rendez-vous ?' });
  await resizeDialog.getByText(/10:00–10:45/).waitFor();
  expect(await resizeDialog.getByLabel('Prévenir le patient').count()).toBe(0);
  await resizeDialog.getByRole('button', { name: 'Confirmer' }).click();
  await toast.getByText('Durée modifiée.').waitFor();
  await page.getByRole('button', { name: /^10:00–10:45, LEMAIRE Inès/ }).waitFor();
  await toast.getByRole('button', { name: 'Annuler' }).click();
  await page.getByText('Modification annulée.', { exact: true }).waitFor();
  await page.getByRole('button', { name: /^10:00–10:30, LEMAIRE Inès/ }).waitFor();
  const [shortAgain] = await server.deps.db
    .select()
    .from(appointments)
    .where(eq(appointments.id, created.id));
  expect(shortAgain?.endsAt.getTime()).toBe(created.endsAt.getTime());

  // confirmed with the box unticked: moved, nothing queued for the patient
  await drag(60);
  await confirmDialog.getByLabel('Prévenir le patient').uncheck();
  await confirmDialog.getByRole('button', { name: 'Confirmer' }).click();
  await page.getByText('Rendez-vous déplacé, sans prévenir le patient.').waitFor();
  await page.getByRole('button', { name: /11:00–11:30, LEMAIRE Inès/ }).waitFor();
  const [moved] = await server.deps.db.select().from(appointments).where(eq(appointments.id, created.id));
  expect(moved?.startsAt.getTime()).toBe(created.startsAt.getTime() + 60 * 60_000);
  expect(moved?.comment).toBe('Sensibilité au froid');
  expect(await movedNotices()).toEqual([]);

  await panel.getByRole('button', { name: 'Vu', exact: true }).click();
  await expect
    .poll(async () => panel.getByRole('button', { name: 'Vu', exact: true }).getAttribute('aria-pressed'))
    .toBe('true');
  await panel.getByText(/Statut : Vu/).waitFor();
  const [seen] = await server.deps.db
    .select()
    .from(appointments)
    .where(eq(appointments.id, moved?.id ?? ''));
  expect(seen?.status).toBe('seen');
  expect(problems).toEqual([]);
  await context.close();
});

it('"Find a slot" books the second result, asking for the patient’s agreement for another dentist', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const { page, problems } = await newPage(context);
  await openAgendaOnTargetDay(page);
  await page.keyboard.press('r');
  const finder = page.getByRole('dialog', { name: 'Trouver un créneau' });
  await finder.waitFor();
  await finder.getByLabel('Motif').selectOption({ label: 'Consultation de contrôle (30 min)' });
  await finder.getByLabel('À partir du').fill(target.date);
  for (const name of ['Dr Sophie Bernard', 'Dr Karim Haddad', 'Dr Julien Moreau'])
    await finder.getByLabel(name).uncheck();
  await finder.getByRole('button', { name: 'Afficher les créneaux' }).click();
  const slots = finder.locator('.slot-button');
  await slots.nth(1).waitFor();
  const second = await slots.nth(1).getAttribute('aria-label');
  await slots.nth(1).click();

  const dialog = page.getByRole('dialog', { name: 'Nouveau rendez-vous' });
  await dialog.waitFor();
  await dialog.getByRole('combobox', { name: /Rechercher un patient/ }).fill('Durand Paul');
  await dialog
    .getByRole('option', { name: /Durand Paul/i })
    .first()
    .click();
  await dialog.getByRole('button', { name: 'Enregistrer le rendez-vous' }).click();
  // Paul Durand is Dr Bernard's patient: RDV-5 asks before booking Dr Testard
  await dialog.getByText(/est suivi·e par Dr Sophie Bernard/).waitFor();
  await dialog.getByRole('button', { name: 'Le patient est d’accord : enregistrer' }).click();
  await dialog.waitFor({ state: 'detached' });

  const booked = await server.deps.db
    .select()
    .from(appointments)
    .where(
      and(eq(appointments.practitionerId, dentist.id), eq(appointments.patientAgreedOtherPractitioner, true)),
    );
  expect(booked).toHaveLength(1);
  const time = new Intl.DateTimeFormat('fr-FR', {
    timeZone: 'Europe/Paris',
    hour: '2-digit',
    minute: '2-digit',
  }).format(booked[0]?.startsAt);
  expect(second).toContain(time);
  expect(problems).toEqual([]);
  await context.close();
});
