import { eq } from 'drizzle-orm';
import type { APIRequestContext, Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AppModules, ChangeRequest } from '../../src/contracts/patient-app';
import type { PatientMe } from '../../src/contracts/patient-auth';
import { patientRelations, patients } from '../../src/server/db/schema';
import { makePatient } from '../support/factories';
import { expectNoSeriousA11yViolations } from './axe';
import {
  demoAccounts,
  demoPatient,
  demoPracticeRow,
  landedOnAgenda,
  paulDurand,
  signInPatientApi,
  signInStaff,
  signInStaffApi,
} from './demo';
import { type E2eServer, launchBrowser, newPage, phoneViewport, startServer } from './support';

const { admin, secretary, practitioner } = demoAccounts;

let server: E2eServer;
let browser: Browser;
let practiceId: string;
/** Paul Durand's phone, signed in to the app through the API like the phone would. */
let paulsPhone: BrowserContext;
let paulApp: APIRequestContext;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  practiceId = (await demoPracticeRow(server.deps.db)).id;
  paulsPhone = await browser.newContext();
  paulApp = paulsPhone.request;
  await signInPatientApi(paulsPhone, server, paulDurand);
});
afterAll(async () => {
  await paulsPhone?.close();
  await browser?.close();
  await server?.close();
});

/** A staff member's API session, for what the screens do not offer. */
async function staffApi(email: string): Promise<BrowserContext> {
  const context = await browser.newContext();
  await signInStaffApi(context, server, email);
  return context;
}

async function familyFile(firstName: string) {
  return demoPatient(server.deps.db, 'Durand', firstName);
}

async function askFromTheApp(path: string, data: Record<string, string>): Promise<ChangeRequest> {
  const answer = await paulApp.post(`${server.url}${path}`, { data });
  expect(answer.status(), await answer.text()).toBe(201);
  return (await answer.json()) as ChangeRequest;
}

it('the admin switches messaging off and payments on; the app follows; others cannot change the switches', async () => {
  const context = await browser.newContext();
  const { page, problems } = await newPage(context);
  await signInStaff(page, server, admin);
  await page.getByRole('link', { name: 'Paramètres' }).click();
  await page.getByRole('link', { name: 'Application patient' }).click();
  await page.getByRole('heading', { name: 'Application patient : options', level: 2 }).waitFor();

  const messaging = page.getByRole('checkbox', { name: 'Messagerie', exact: true });
  const payments = page.getByRole('checkbox', { name: 'Paiements', exact: true });
  const paymentOptions = page.getByRole('group', { name: 'Options : Paiements' });
  const online = paymentOptions.getByRole('checkbox', { name: 'Paiement en ligne' });
  expect(await messaging.isChecked()).toBe(true);
  expect(await payments.isChecked()).toBe(false);
  // a module's options wait for the module
  expect(await online.isDisabled()).toBe(true);
  await paymentOptions.getByText('Cochez « Paiements » pour régler ces options.').waitFor();

  // keyboard only: Space ticks the focused box
  await messaging.focus();
  await page.keyboard.press('Space');
  await payments.focus();
  await page.keyboard.press('Space');
  expect(await online.isDisabled()).toBe(false);
  await online.check();
  await paymentOptions.getByRole('checkbox', { name: 'Accès pour les mineurs' }).check();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.getByText('Options de l’application enregistrées.').waitFor();
  await expectNoSeriousA11yViolations(page);

  // the patient's app reads the new switches
  const me = (await (await paulApp.get(`${server.url}/api/patient/me`)).json()) as PatientMe;
  expect(me.modules.messaging.enabled).toBe(false);
  expect(me.modules.payments).toEqual({
    enabled: true,
    onlinePayment: true,
    onlyDueInstalments: false,
    minors: true,
  });

  // after a reload the screen shows what was saved, and fits a phone
  await page.setViewportSize(phoneViewport);
  await page.reload();
  await page.getByRole('heading', { name: 'Application patient : options', level: 2 }).waitFor();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  expect(await messaging.isChecked()).toBe(false);
  expect(await online.isChecked()).toBe(true);
  expect(problems).toEqual([]);
  await context.close();

  // a practitioner's settings have no such tab, and the API refuses the secretary and the practitioner
  const dentist = await browser.newContext();
  const dentistPage = await newPage(dentist);
  await signInStaff(dentistPage.page, server, practitioner, '/console/settings');
  await dentistPage.page.getByRole('link', { name: 'Plages d’ouverture' }).waitFor();
  expect(await dentistPage.page.getByRole('link', { name: 'Application patient' }).count()).toBe(0);
  expect(dentistPage.problems).toEqual([]);
  await dentist.close();
  for (const email of [secretary, practitioner]) {
    const staff = await staffApi(email);
    const read = await staff.request.get(`${server.url}/api/console/settings/modules`);
    expect(read.status()).toBe(200);
    const modules = (await read.json()) as AppModules;
    const refused = await staff.request.put(`${server.url}/api/console/settings/modules`, {
      data: { ...modules, messaging: { enabled: true } },
    });
    expect(refused.status()).toBe(403);
    await staff.close();
  }
  const after = (await (await paulApp.get(`${server.url}/api/patient/me`)).json()) as PatientMe;
  expect(after.modules.messaging.enabled).toBe(false);
});

it('the front desk reviews requests from the app on a phone: accepts one, rejects one, links a dependant', async () => {
  const lea = await familyFile('Léa');
  const paul = await familyFile('Paul');
  // Jade has a file already: her mother brought her in before Paul asked to add her in the app
  const jade = await makePatient(server.deps.db, practiceId, {
    lastName: 'Durand',
    firstName: 'Jade',
    birthDate: '2020-01-15',
    mobilePhone: null,
  });
  await askFromTheApp(`/api/patient/patients/${lea.id}/change-requests`, {
    email: 'lea.durand@mail.example',
    mobilePhone: '06 39 98 55 44',
  });
  await askFromTheApp(`/api/patient/patients/${paul.id}/change-requests`, {
    addressLine: '12 rue Garibaldi',
  });

  const desk = await browser.newContext({ viewport: phoneViewport });
  const { page, problems } = await newPage(desk);
  await signInStaff(page, server, secretary);
  await landedOnAgenda(page, server);
  // no settings for the front desk, so no module switches either
  await page.getByRole('button', { name: 'Menu' }).click();
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  expect(await nav.getByRole('link', { name: 'Paramètres' }).count()).toBe(0);
  const reviews = nav.getByRole('link', { name: /^Demandes de modification/ });
  await expect.poll(() => reviews.textContent()).toMatch(/2\s*\(2 en attente\)/);

  // a third request arrives while the page is open: the badge follows when the window gets the focus
  await askFromTheApp('/api/patient/dependant-requests', {
    lastName: 'Durand',
    firstName: 'Jade',
    birthDate: '2020-01-15',
  });
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect.poll(() => reviews.textContent()).toMatch(/3\s*\(3 en attente\)/);

  await reviews.click();
  await page.getByRole('heading', { name: 'Demandes de modification', level: 1 }).waitFor();
  const leaCard = page.getByRole('article', { name: 'Mise à jour des coordonnées : DURAND Léa' });
  const paulCard = page.getByRole('article', { name: 'Mise à jour des coordonnées : DURAND Paul' });
  const jadeCard = page.getByRole('article', { name: 'Ajout d’un proche : DURAND Jade' });
  await leaCard.waitFor();
  // who asked, from a phone shown masked, and each field before → after
  await leaCard.getByText(/Demandé par DURAND Paul \(06\s••\s••\s••\s01\) le/).waitFor();
  expect(await leaCard.getByRole('row', { name: /Adresse e-mail|E-mail/ }).textContent()).toMatch(
    /E-mail\s*\(vide\)\s*→\s*lea\.durand@mail\.example/,
  );
  expect(await leaCard.getByRole('row', { name: /Téléphone mobile/ }).textContent()).toContain(
    '06 39 98 55 44',
  );
  await paulCard.getByText('8 rue Paul Bert').waitFor();
  await jadeCard.getByText('Proche à ajouter : DURAND Jade, né(e) le 15/01/2020').waitFor();
  await jadeCard.getByRole('heading', { name: 'Ce proche a peut-être déjà un dossier' }).waitFor();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectNoSeriousA11yViolations(page);

  // accept Léa's: the file changes at once
  await leaCard.getByRole('button', { name: 'Accepter la demande pour DURAND Léa' }).click();
  await page.getByText('Demande acceptée : le dossier de DURAND Léa est à jour.').waitFor();
  await leaCard.getByText('Acceptée', { exact: true }).waitFor();
  await leaCard.getByText(/^Acceptée par Nadia Lefèvre le/).waitFor();
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
    'Mise à jour des coordonnées : DURAND Léa',
  );
  // once decided, the card still shows what the file held then
  expect(await leaCard.getByRole('row', { name: /E-mail/ }).textContent()).toMatch(
    /E-mail\s*\(vide\)\s*→\s*lea\.durand@mail\.example/,
  );
  expect(await familyFile('Léa')).toMatchObject({
    email: 'lea.durand@mail.example',
    mobilePhone: '+33639985544',
  });

  // reject Paul's with the keyboard; the reason is offered, and may be changed: nothing changes
  await paulCard.getByRole('button', { name: 'Refuser la demande pour DURAND Paul' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Refuser la demande pour DURAND Paul ?' });
  const reason = dialog.getByLabel('Raison du refus (lue par le patient)');
  await expect.poll(() => reason.evaluate((element) => element === document.activeElement)).toBe(true);
  expect(await reason.inputValue()).toContain('Contactez le cabinet');
  await reason.fill('Merci de nous apporter un justificatif de domicile.');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'detached' });
  await page.getByText('Demande refusée pour DURAND Paul : le dossier n’a pas changé.').waitFor();
  await paulCard.getByText('Raison donnée : Merci de nous apporter un justificatif de domicile.').waitFor();
  expect((await familyFile('Paul')).addressLine).toBe(paul.addressLine);
  const mine = (await (await paulApp.get(`${server.url}/api/patient/change-requests`)).json()) as {
    items: ChangeRequest[];
  };
  expect(mine.items.find((item) => item.patient?.id === paul.id)).toMatchObject({
    status: 'rejected',
    reason: 'Merci de nous apporter un justificatif de domicile.',
  });

  // Jade already has a file: link it rather than create a twin
  await jadeCard.getByRole('button', { name: 'Rattacher le dossier de DURAND Jade' }).click();
  await page.getByText('Demande acceptée : DURAND Jade fait partie de la famille.').waitFor();
  const links = await server.deps.db
    .select()
    .from(patientRelations)
    .where(eq(patientRelations.patientId, jade.id));
  expect(links).toEqual([expect.objectContaining({ responsableId: paul.id, role: 'parent1' })]);
  expect(await server.deps.db.select().from(patients).where(eq(patients.firstName, 'Jade'))).toHaveLength(1);

  // nothing is left waiting: no badge
  await page.getByRole('button', { name: 'Menu' }).click();
  await expect.poll(() => reviews.textContent()).toBe('Demandes de modification');
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('button', { name: 'Actualiser' }).click();
  await page.getByText('Aucune demande en attente.').waitFor();
  await page.getByLabel('Afficher').selectOption({ label: 'Refusées' });
  await paulCard.waitFor();
  expect(await page.getByRole('article').count()).toBe(1);

  // the link opens Léa's file, which shows the new email
  await page.getByLabel('Afficher').selectOption({ label: 'Acceptées' });
  await leaCard.getByRole('link', { name: 'Ouvrir le dossier de DURAND Léa' }).click();
  await page.getByText('lea.durand@mail.example').first().waitFor();
  expect(page.url()).toBe(`${server.url}/console/patients/${lea.id}`);

  // a second decision on a decided request is refused by the API
  const staff = await staffApi(secretary);
  const again = await staff.request.post(
    `${server.url}/api/console/change-requests/${mine.items[0]?.id}/reject`,
    {
      data: { reason: 'Deux fois' },
    },
  );
  expect(again.status()).toBe(409);
  await staff.close();
  expect(problems).toEqual([]);
  await desk.close();
});

it('the app patients list shows the signed-in family with their last connection, and opens a file', async () => {
  const paul = await familyFile('Paul');
  const context = await browser.newContext({ viewport: phoneViewport });
  const { page, problems } = await newPage(context);
  await signInStaff(page, server, secretary, '/console/app-users');
  await page.getByRole('heading', { name: 'Patients de l’application', level: 1 }).waitFor();
  const row = page.getByRole('row', { name: /DURAND Paul/ });
  await row.waitFor();
  await row.getByText('Son propre téléphone').waitFor();
  const lastSeen = await row.locator('time').getAttribute('datetime');
  expect(Date.now() - Date.parse(lastSeen ?? '')).toBeLessThan(10 * 60_000);
  // Léa reaches the app through her father's phone
  await page
    .getByRole('row', { name: /DURAND Léa/ })
    .getByText('Téléphone d’un responsable')
    .waitFor();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectNoSeriousA11yViolations(page);

  // the search narrows the list, and the address keeps it
  await page.getByRole('searchbox', { name: 'Rechercher un patient' }).fill('lea');
  await expect.poll(() => page.getByRole('row', { name: /DURAND Paul/ }).count()).toBe(0);
  await page.getByRole('row', { name: /DURAND Léa/ }).waitFor();
  expect(page.url()).toContain('/console/app-users?q=lea');
  await page.getByRole('searchbox', { name: 'Rechercher un patient' }).fill('zzzz');
  await page.getByText('Aucun patient de l’application ne correspond à « zzzz ».').waitFor();
  await page.getByRole('searchbox', { name: 'Rechercher un patient' }).fill('');
  await page.getByRole('link', { name: 'Ouvrir le dossier de DURAND Paul' }).click();
  await expect.poll(() => page.url()).toBe(`${server.url}/console/patients/${paul.id}`);

  // English too
  await page.goto(`${server.url}/console/app-users`);
  await page.getByRole('group', { name: 'Langue' }).getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'App patients', level: 1 }).waitFor();
  await page
    .getByRole('row', { name: /DURAND Paul/ })
    .getByText('Their own phone')
    .waitFor();
  expect(problems).toEqual([]);
  await context.close();
});

it('a practitioner reads the review queue without deciding, and has no badge', async () => {
  const hugo = await familyFile('Hugo');
  await askFromTheApp(`/api/patient/patients/${hugo.id}/change-requests`, { city: 'Villeurbanne' });
  const context = await browser.newContext();
  const { page, problems } = await newPage(context);
  await signInStaff(page, server, practitioner, '/console/change-requests');
  const card = page.getByRole('article', { name: 'Mise à jour des coordonnées : DURAND Hugo' });
  await card.getByText('Villeurbanne').waitFor();
  await page.getByText('L’accueil et les administrateurs acceptent ou refusent les demandes.').waitFor();
  expect(await card.getByRole('button').count()).toBe(0);
  expect(
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: /^Demandes de modification/ })
      .textContent(),
  ).toBe('Demandes de modification');
  // the API agrees
  const staff = await staffApi(practitioner);
  const [pending] = (
    (await (await staff.request.get(`${server.url}/api/console/change-requests?status=pending`)).json()) as {
      items: { id: string }[];
    }
  ).items;
  const refused = await staff.request.post(
    `${server.url}/api/console/change-requests/${pending?.id}/accept`,
    {
      data: {},
    },
  );
  expect(refused.status()).toBe(403);
  await staff.close();
  expect(problems).toEqual([]);
  await context.close();
});
