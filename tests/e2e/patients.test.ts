import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PatientHistory } from '../../src/contracts/patients';
import { demoPassword } from '../../src/server/demo/demo-data';
import { landedOnAgenda } from './demo';
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

async function signInAsSecretary(context: BrowserContext) {
  const { page, problems } = await newPage(context);
  await page.goto(`${server.url}/console/`);
  await page.getByLabel('Adresse e-mail').fill('nadia.lefevre@cabinet-tilleuls.example');
  await page.getByLabel('Mot de passe').fill(demoPassword);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await landedOnAgenda(page, server);
  return { page, problems };
}

async function openPatients(page: Page) {
  await page.getByRole('link', { name: 'Patients', exact: true }).click();
  await page.getByRole('heading', { name: 'Patients', exact: true }).waitFor();
  return page.getByRole('combobox', { name: 'Rechercher un patient' });
}

const results = (page: Page) => page.getByRole('listbox', { name: 'Patients trouvés' }).getByRole('option');

async function optionTexts(page: Page): Promise<string[]> {
  return (await results(page).allTextContents()).map((text) => text.replace(/\s+/g, ' '));
}

it('the secretary finds families by name and by phone, and opens a file with the keyboard', async () => {
  const context = await browser.newContext();
  const { page, problems } = await signInAsSecretary(context);
  const search = await openPatients(page);

  // without the accents, parents and their daughter alike; the child is reached through a parent
  await search.fill('nunez');
  await expect.poll(() => optionTexts(page)).toHaveLength(3);
  const nunez = await optionTexts(page);
  for (const name of ['Núñez José', 'Núñez Ana', 'Núñez Inès']) {
    expect(nunez.some((text) => text.includes(name))).toBe(true);
  }
  expect(nunez.find((text) => text.includes('Inès'))).toContain('Parent 1 : José Núñez · 06 39 98 10 03');

  // a father's phone finds him and his children
  await search.fill('06 39 98 10 01');
  // the previous results stay on screen until the new ones arrive
  await expect.poll(async () => (await optionTexts(page)).join('|')).toContain('Durand');
  const durand = await optionTexts(page);
  for (const name of ['Durand Paul', 'Durand Léa', 'Durand Hugo']) {
    expect(durand.some((text) => text.includes(name))).toBe(true);
  }
  await page.getByText('3 patients trouvés.').waitFor();

  // a broad search comes a page at a time
  await search.fill('06 39 98');
  await page.getByText('Les 20 premiers patients trouvés.').waitFor();
  await page.getByRole('button', { name: 'Plus de résultats' }).click();
  await expect.poll(async () => (await optionTexts(page)).length).toBeGreaterThan(20);
  await search.fill('06 39 98 10 01');
  await expect.poll(() => optionTexts(page)).toHaveLength(3);

  // ↓ moves the active option (announced through aria-activedescendant), Enter opens the file
  const paulIndex = durand.findIndex((text) => text.includes('Durand Paul'));
  for (let step = 0; step <= paulIndex; step += 1) await search.press('ArrowDown');
  const activeId = await search.getAttribute('aria-activedescendant');
  expect(await page.locator(`[id="${activeId}"]`).textContent()).toContain('Durand Paul');
  expect(await page.locator(`[id="${activeId}"]`).getAttribute('aria-selected')).toBe('true');
  await search.press('Enter');
  await page.getByRole('heading', { name: 'Durand Paul', level: 1 }).waitFor();

  // the file: contact, own practitioner, dependants with links, and the counts of PAT-4
  const own = page.locator('.facts__item').filter({ hasText: 'Praticien attitré' });
  await expect.poll(() => own.textContent()).toContain('Dr Sophie Bernard');
  const dependants = page.getByRole('region', { name: 'Proches' });
  await dependants.getByRole('link', { name: 'Durand Léa' }).waitFor();
  expect(await dependants.textContent()).toContain('Parent 1, Garant financier');
  const patientId = page.url().split('/').pop();
  const answer = await context.request.get(`${server.url}/api/console/patients/${patientId}/appointments`);
  const history = (await answer.json()) as PatientHistory;
  const region = page.getByRole('region', { name: 'Rendez-vous' });
  // the counts' terms, not the rows' status badges (how many rows are 'to fill' depends on the day)
  await region.getByRole('term').filter({ hasText: 'À renseigner' }).waitFor();
  const counts = [
    ['À renseigner', history.counts.toFill],
    ['Vus', history.counts.seen],
    ['À venir', history.counts.upcoming],
    ['Excusés', history.counts.excused],
    ['Non excusés', history.counts.notExcused],
    ['Annulés par le cabinet', history.counts.cancelled],
  ] as const;
  for (const [label, count] of counts) {
    const tile = region
      .locator('.history-counts__item')
      .filter({ has: page.getByText(label, { exact: true }) });
    expect(await tile.locator('dd').textContent()).toBe(String(count));
  }
  expect(history.items.length).toBeGreaterThan(0);
  expect(await region.getByRole('listitem').count()).toBe(history.items.length);

  // back to the list: the search is still there
  await page.goBack();
  await expect.poll(() => optionTexts(page)).toHaveLength(3);
  expect(problems).toEqual([]);
  await context.close();
});

it('creates a patient: a missing email is refused under its field, then a twin file asks to confirm', async () => {
  const context = await browser.newContext({ viewport: phoneViewport, isMobile: true, hasTouch: true });
  const { page, problems } = await signInAsSecretary(context);
  await page.getByRole('button', { name: 'Menu' }).click();
  await openPatients(page);

  const fillNewPatient = async () => {
    await page.getByRole('button', { name: 'Nouveau patient' }).click();
    await page.getByRole('heading', { name: 'Nouveau patient' }).waitFor();
    await page.getByLabel(/^Nom/).fill('Fontaine');
    await page.getByLabel(/^Prénom/).fill('Élise');
    await page.getByLabel(/^Date de naissance/).pressSequentially('12031991');
    expect(await page.getByLabel(/^Date de naissance/).inputValue()).toBe('12/03/1991');
    await page.getByLabel(/^Téléphone portable/).fill('06 39 98 19 50');
    await page.getByLabel(/^Adresse postale/).fill('5 rue Mercière');
    await page.getByLabel(/^Code postal/).fill('69002');
    await page.getByLabel(/^Ville/).fill('Lyon');
  };

  await fillNewPatient();
  await page.getByRole('button', { name: 'Créer le dossier' }).click();
  const email = page.getByLabel(/^Adresse e-mail/);
  await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
  const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
  const message = page.locator(`[id="${describedBy.split(' ').pop()}"]`);
  expect(await message.textContent()).toBe('Ce champ est obligatoire.');
  // nothing typed is lost, and the field at fault has the focus
  expect(await page.getByLabel(/^Prénom/).inputValue()).toBe('Élise');
  expect(await email.evaluate((element) => element === document.activeElement)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await email.fill('elise.fontaine@mail.example');
  await page.getByRole('button', { name: 'Créer le dossier' }).click();
  await page.getByRole('heading', { name: 'Fontaine Élise', level: 1 }).waitFor();
  const firstId = page.url().split('/').pop() ?? '';
  expect(firstId).toMatch(/^[0-9a-f-]{36}$/);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // the same person again: the existing file is shown, with a link, before anything is created
  await page.getByRole('link', { name: 'Patients' }).first().click();
  await fillNewPatient();
  // a twin file, told apart by its phone
  await page.getByLabel(/^Téléphone portable/).fill('06 39 98 19 51');
  await page.getByLabel(/^Adresse e-mail/).fill('elise.fontaine@mail.example');
  await page.getByRole('button', { name: 'Créer le dossier' }).click();
  const warning = page.getByRole('region', { name: 'Ce patient a peut-être déjà un dossier' });
  await warning.waitFor();
  const link = warning.getByRole('link', { name: 'Ouvrir le dossier de Fontaine Élise' });
  expect(await link.getAttribute('href')).toBe(`/console/patients/${firstId}`);
  await warning.getByRole('button', { name: 'Créer quand même le dossier' }).click();
  await page.getByRole('heading', { name: 'Fontaine Élise', level: 1 }).waitFor();
  await expect.poll(() => page.url()).not.toContain(firstId);

  // a child from the parent's file (parent 1 filled in), a second parent picked with the keyboard;
  // then no phone, email or address is needed
  await page.getByRole('link', { name: 'Ajouter un proche' }).click();
  await page.getByRole('heading', { name: 'Nouveau patient' }).waitFor();
  const parent1 = page.getByRole('group', { name: 'Parent 1' });
  await expect.poll(() => parent1.textContent()).toContain('Fontaine Élise');
  await page.getByRole('button', { name: 'Choisir le parent 2' }).click();
  const parentSearch = page.getByRole('combobox', { name: /^Rechercher le parent 2/ });
  await parentSearch.fill('fontaine elise');
  await expect.poll(async () => (await optionTexts(page)).join('|')).toContain('Fontaine Élise');
  // the first file (phone 19 50), not the twin who is already parent 1
  const eliseIndex = (await optionTexts(page)).findIndex(
    (text) => text.includes('Fontaine Élise') && text.includes('19 50'),
  );
  expect(eliseIndex).toBeGreaterThanOrEqual(0);
  for (let step = 0; step <= eliseIndex; step += 1) await parentSearch.press('ArrowDown');
  await parentSearch.press('Enter');
  await page.getByRole('button', { name: 'Changer le parent 2' }).waitFor();
  await page.getByLabel(/^Prénom/).fill('Lou');
  await page.getByLabel(/^Date de naissance/).fill('01/09/2019');
  expect(await page.getByLabel(/^Adresse e-mail/).getAttribute('required')).toBeNull();
  await page.getByRole('button', { name: 'Créer le dossier' }).click();
  await page.getByRole('heading', { name: 'Fontaine Lou', level: 1 }).waitFor();
  const responsables = page.getByRole('region', { name: 'Responsables' });
  expect(await responsables.getByRole('link', { name: 'Fontaine Élise' }).count()).toBe(2);

  // edit mode: the form starts from the file, saving shows the file again
  await page.getByRole('button', { name: 'Modifier' }).click();
  await page.getByLabel(/^Notes/).fill('Allergie au latex');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await page.getByText('Dossier enregistré.').waitFor();
  await page.getByText('Allergie au latex').waitFor();
  expect(problems).toEqual([]);
  await context.close();
});
