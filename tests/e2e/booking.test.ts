import { and, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { appointments, patients, practices } from '../../src/server/db/schema';
import { demoSlug } from '../../src/server/demo/demo-data';
import { lastCodeSentTo } from '../support/factories';
import { demoBernardInLyon, demoPracticeRow } from './demo';
import { type E2eServer, launchBrowser, newPage, phoneViewport, startServer } from './support';

const slug = demoSlug;
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

const onPhone = () => browser.newContext({ viewport: phoneViewport, isMobile: true, hasTouch: true });

/** Nothing on the page is wider than the phone. */
async function expectNoOverflow(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(phoneViewport.width);
}

/**
 * Opens the booking page, picks the check-up (whose first visit lasts 45 minutes instead of 30, so the
 * page asks whether the patient has been seen), the practitioner, goes one week ahead (past the cutoff).
 */
async function openWeekOfSlots(page: Page, practitioner: RegExp, visit: 'first' | 'followUp') {
  await page.goto(`${server.url}/rdv/${slug}`);
  await page.getByRole('heading', { level: 1, name: /Cabinet dentaire des Tilleuls/ }).waitFor();
  await page
    .getByRole('link', { name: /Itinéraire/ })
    .first()
    .waitFor();
  await page.getByRole('button', { name: /^Consultation de contrôle/ }).click();
  await page.getByRole('heading', { name: 'Avez-vous déjà consulté au cabinet ?' }).waitFor();
  await page
    .getByRole('button', {
      name: visit === 'first' ? /^Non, c’est ma première visite.*45 min/ : /^Oui, je suis déjà patient/,
    })
    .click();
  await page.getByRole('heading', { name: 'Choisissez un praticien' }).waitFor();
  await page.getByRole('button', { name: practitioner }).click();
  await page.getByRole('heading', { name: 'Choisissez un créneau' }).waitFor();
  await page.locator('.slot').first().waitFor();
  await page.getByRole('button', { name: 'Semaine suivante' }).click();
  await page.getByRole('heading', { name: /^Du / }).waitFor();
  await page.locator('.week__days:not(.is-loading) .slot').first().waitFor();
}

async function identify(
  page: Page,
  person: { phone: string; e164: string; lastName: string; firstName: string; birthDate: string },
) {
  await page.getByRole('heading', { name: 'Identifiez-vous' }).waitFor();
  await page.getByLabel(/^Téléphone portable/).fill(person.phone);
  await page.getByLabel(/^Nom/).fill(person.lastName);
  await page.getByLabel(/^Prénom/).fill(person.firstName);
  await page.getByLabel(/^Date de naissance/).fill(person.birthDate);
  await page.getByRole('button', { name: 'Recevoir le code par SMS' }).click();
  await page.getByRole('heading', { name: 'Code de vérification' }).waitFor();
  const codeField = page.getByLabel('Code reçu par SMS');
  expect(await codeField.getAttribute('autocomplete')).toBe('one-time-code');
  expect(await page.getByRole('button', { name: /Renvoyer le code dans/ }).isDisabled()).toBe(true);
  await codeField.fill(await lastCodeSentTo(server.deps.db, person.e164));
  await page.getByRole('button', { name: 'Valider le code' }).click();
  await page.getByRole('heading', { name: 'Finalisez votre rendez-vous' }).waitFor();
}

it('a new patient books a check-up on a phone, then moves it from the manage link', async () => {
  const context = await onPhone();
  const { page, problems } = await newPage(context);
  await openWeekOfSlots(page, /^Peu importe le praticien/, 'first');
  expect(await page.locator('.summary').first().textContent()).toContain('45 min');
  await expectNoOverflow(page);

  // "any practitioner": each time says with whom, in words and under the time
  const slot = page.locator('.week__days .slot').first();
  const label = (await slot.getAttribute('aria-label')) ?? '';
  expect(label).toMatch(/^(Lundi|Mardi|Mercredi|Jeudi|Vendredi|Samedi|Dimanche) .+ à \d\d:\d\d avec Dr /);
  expect(await slot.locator('.slot__who').textContent()).toMatch(/^Dr /);
  await slot.click();
  await page.getByRole('heading', { name: 'Votre rendez-vous' }).waitFor();

  await identify(page, {
    phone: '06 39 98 77 01',
    e164: '+33639987701',
    lastName: 'Lemoine',
    firstName: 'Anaïs',
    birthDate: '12041990',
  });
  await page.getByLabel(/^Adresse e-mail/).fill('anais.lemoine@mail.example');
  await page.getByLabel(/^Adresse postale/).fill('4 rue Garibaldi');
  await page.getByLabel(/^Code postal/).fill('69006');
  await page.getByLabel(/^Ville/).fill('Lyon');
  await page.getByLabel('SMS uniquement').check();
  const instructions = page.getByLabel('J’ai lu ces instructions et je les accepte');
  if (await instructions.isVisible()) await instructions.check();
  await expectNoOverflow(page);
  await page.getByRole('button', { name: 'Confirmer le rendez-vous' }).click();

  await page.getByRole('heading', { name: 'Votre rendez-vous est confirmé' }).waitFor();
  const confirmation = await page.locator('main').textContent();
  expect(confirmation).toContain('Consultation de contrôle');
  expect(confirmation).toContain('Anaïs Lemoine');
  expect(confirmation).toContain('Pensez à apporter votre carte Vitale');
  const calendar = page.getByRole('link', { name: 'Ajouter à mon agenda' });
  const ics = await page.request.get(`${server.url}${await calendar.getAttribute('href')}`);
  expect(ics.headers()['content-type']).toContain('text/calendar');
  const manageUrl = await page.getByLabel('Lien de gestion du rendez-vous').inputValue();
  expect(manageUrl).toMatch(new RegExp(`^${server.url}/rdv/gerer/.+`));
  await expectNoOverflow(page);

  // the manage link: move to another time of the same practitioner
  await page.goto(manageUrl);
  await page.getByRole('heading', { name: 'Gérer mon rendez-vous', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Déplacer le rendez-vous' }).click();
  await page.getByRole('heading', { name: 'Choisissez un nouvel horaire' }).waitFor();
  const target = page.locator('.week__days .slot').first();
  const newStart = (await target.getAttribute('data-start')) ?? '';
  await target.click();
  await page.getByRole('heading', { name: 'Nouvel horaire' }).waitFor();
  await page.getByRole('button', { name: 'Confirmer le déplacement' }).click();
  await page.getByText('Votre rendez-vous a été déplacé').waitFor();
  await expectNoOverflow(page);

  const [patient] = await server.deps.db
    .select()
    .from(patients)
    .where(eq(patients.mobilePhone, '+33639987701'));
  const [booked] = await server.deps.db
    .select()
    .from(appointments)
    .where(eq(appointments.patientId, patient?.id ?? ''));
  expect(booked?.startsAt.toISOString()).toBe(new Date(newStart).toISOString());
  expect(booked?.channel).toBe('online');
  // a first visit: the motif's first-visit length, kept by the move
  expect(((booked?.endsAt.getTime() ?? 0) - (booked?.startsAt.getTime() ?? 0)) / 60_000).toBe(45);

  // 30 days after the appointment the link has expired: the page says so, and whom to call
  const ended = new Date(Date.now() - 31 * 86_400_000);
  await server.deps.db
    .update(appointments)
    .set({ startsAt: new Date(ended.getTime() - 45 * 60_000), endsAt: ended })
    .where(eq(appointments.id, booked?.id ?? ''));
  await page.goto(manageUrl);
  await page.getByRole('heading', { name: 'Gérer mon rendez-vous', level: 1 }).waitFor();
  await page.getByText('Ce lien a expiré : il reste valable 30 jours après le rendez-vous.').waitFor();
  expect(await page.getByRole('button', { name: 'Déplacer le rendez-vous' }).count()).toBe(0);
  await expectNoOverflow(page);
  expect(problems).toEqual([]);
  await context.close();
});

it('with online booking closed, the page gives the phone and the opening hours', async () => {
  const practice = await demoPracticeRow(server.deps.db);
  await server.deps.db
    .update(practices)
    .set({ onlineBookingOpen: false })
    .where(eq(practices.id, practice.id));
  const context = await onPhone();
  try {
    const { page, problems } = await newPage(context);
    await page.goto(`${server.url}/rdv/${slug}`);
    await page
      .getByRole('heading', { name: 'La prise de rendez-vous en ligne n’est pas disponible' })
      .waitFor();
    const phone = page
      .getByRole('region', { name: 'La prise de rendez-vous en ligne n’est pas disponible' })
      .getByRole('link', { name: '04 65 71 00 00' });
    expect(await phone.getAttribute('href')).toBe('tel:+33465710000');
    await page.getByRole('heading', { name: 'Horaires d’ouverture' }).waitFor();
    expect(await page.getByRole('button', { name: /Consultation de contrôle/ }).count()).toBe(0);
    await expectNoOverflow(page);
    expect(problems).toEqual([]);
  } finally {
    await server.deps.db
      .update(practices)
      .set({ onlineBookingOpen: true })
      .where(eq(practices.id, practice.id));
    await context.close();
  }
});

it('a slot taken meanwhile says so and offers the next slots, keeping what was typed', async () => {
  const context = await onPhone();
  const { page, problems } = await newPage(context);
  await openWeekOfSlots(page, /^Dr Sophie Bernard/, 'followUp');
  const slot = page.locator('.week__days .slot').first();
  const start = new Date((await slot.getAttribute('data-start')) ?? '');
  await slot.click();
  await identify(page, {
    phone: '06 39 98 10 01',
    e164: '+33639981001',
    lastName: 'Durand',
    firstName: 'Paul',
    birthDate: '14/03/1980',
  });
  // a parent books for himself or a child
  await page.getByRole('group', { name: 'Pour qui est ce rendez-vous ?' }).waitFor();

  // someone else takes the time at the front desk just before the patient confirms
  const db = server.deps.db;
  const practice = await demoPracticeRow(server.deps.db);
  const { bernard, lyon, controle } = await demoBernardInLyon(db, practice.id);
  const [other] = await db
    .select()
    .from(patients)
    .where(and(eq(patients.practiceId, practice.id), eq(patients.firstName, 'Marie')));
  await db.insert(appointments).values({
    practiceId: practice.id,
    practitionerId: bernard.id,
    locationId: lyon.id,
    motifId: controle.id,
    patientId: other?.id ?? '',
    startsAt: start,
    endsAt: new Date(start.getTime() + 30 * 60_000),
  });

  await page.getByRole('button', { name: 'Confirmer le rendez-vous' }).click();
  await page.getByText('Ce créneau vient d’être pris.').waitFor();
  const next = page.locator('.taken__slots button');
  expect(await next.count()).toBeGreaterThan(0);
  expect(await next.first().textContent()).toMatch(/à \d\d:\d\d avec Dr Bernard$/);
  await expectNoOverflow(page);
  const nextStart = (await next.first().getAttribute('data-start')) ?? '';
  await next.first().click();
  await page.getByText('Nouvel horaire choisi').waitFor();
  await page.getByRole('button', { name: 'Confirmer le rendez-vous' }).click();
  await page.getByRole('heading', { name: 'Votre rendez-vous est confirmé' }).waitFor();
  expect(await page.locator('main').textContent()).toContain('Paul Durand');

  const [paul] = await db
    .select()
    .from(patients)
    .where(and(eq(patients.practiceId, practice.id), eq(patients.mobilePhone, '+33639981001')));
  const booked = await db
    .select()
    .from(appointments)
    .where(and(eq(appointments.patientId, paul?.id ?? ''), eq(appointments.startsAt, new Date(nextStart))));
  expect(booked).toHaveLength(1);
  expect(problems).toEqual([]);
  await context.close();
});
