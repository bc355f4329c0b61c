import { and, eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PatientHistory } from '../../src/contracts/patients';
import { waitlistEntries } from '../../src/server/db/schema';
import { expectNoSeriousA11yViolations } from './axe';
import { demoAccounts, demoPatient, landedOnAgenda, signInStaff } from './demo';
import { type E2eServer, launchBrowser, newPage, startServer } from './support';

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

it('the patient file is a starting point: book, write, waiting list, and each history row opens its appointment', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const { page, problems } = await newPage(context);
  await signInStaff(page, server, demoAccounts.secretary);
  await landedOnAgenda(page, server);
  const paul = await demoPatient(server.deps.db, 'Durand', 'Paul');
  const history = (await (
    await context.request.get(`${server.url}/api/console/patients/${paul.id}/appointments`)
  ).json()) as PatientHistory;
  expect(history.items.length).toBeGreaterThan(0);

  await page.goto(`${server.url}/console/patients/${paul.id}`);
  await page.getByRole('heading', { name: 'Durand Paul' }).waitFor();

  // book: the agenda opens on this patient with their own dentist (and usual motif once the history is read)
  const book = page.getByRole('link', { name: 'Prendre rendez-vous' });
  await expect
    .poll(async () => new URL((await book.getAttribute('href')) ?? '', server.url).searchParams.get('motif'))
    .not.toBeNull();
  const bookUrl = new URL((await book.getAttribute('href')) ?? '', server.url);
  expect(bookUrl.pathname).toBe('/console/agenda');
  expect(bookUrl.searchParams.get('book')).toBe(paul.id);
  expect(bookUrl.searchParams.get('practitioner')).toBe(paul.ownPractitionerId);
  const motifId = bookUrl.searchParams.get('motif');
  expect(history.items.some((item) => item.motifId === motifId)).toBe(true);

  // every history row is a link to its appointment in the agenda
  const rows = page.getByRole('link', { name: /^Ouvrir dans l’agenda le rendez-vous du / });
  await expect.poll(() => rows.count()).toBe(history.items.length);
  const firstHref = await rows.first().getAttribute('href');
  expect(firstHref).toBe(`/console/agenda?appointment=${history.items[0]?.id}`);

  // the waiting list, prefilled with the patient and their own dentist
  await page.getByRole('button', { name: 'Liste d’attente' }).click();
  const dialog = page.getByRole('dialog', { name: /liste d’attente/i });
  await dialog.waitFor();
  await dialog.getByText('DURAND Paul').waitFor();
  expect(await dialog.getByLabel('Praticien').inputValue()).toBe(paul.ownPractitionerId);
  const motif = dialog.getByLabel('Motif');
  if ((await motif.inputValue()) === '') await motif.selectOption({ index: 1 });
  await expectNoSeriousA11yViolations(page);
  await dialog.getByRole('button', { name: 'Ajouter à la liste' }).click();
  await page.getByText('Patient ajouté à la liste d’attente.').waitFor();
  const entries = await server.deps.db
    .select()
    .from(waitlistEntries)
    .where(and(eq(waitlistEntries.patientId, paul.id), eq(waitlistEntries.status, 'active')));
  expect(entries).toHaveLength(1);
  expect(entries[0]?.practitionerId).toBe(paul.ownPractitionerId);

  // a second time is refused, said in the dialog, and adds nothing
  await page.getByRole('button', { name: 'Liste d’attente' }).click();
  await dialog.waitFor();
  await motif.selectOption(entries[0]?.motifId ?? '');
  await dialog.getByRole('button', { name: 'Ajouter à la liste' }).click();
  await dialog.getByText('Ce patient attend déjà ce motif avec ce praticien.').waitFor();
  await dialog.getByRole('button', { name: 'Annuler' }).click();

  // write: the patient's thread opens, ready to type
  await page.getByRole('link', { name: 'Écrire un message' }).click();
  await page.waitForURL(`${server.url}/console/messages/${paul.id}`);
  await page.getByLabel('Votre message').waitFor();
  expect(problems).toEqual([]);
  await context.close();
});
