import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Message, MessagePage } from '../../src/contracts/messaging';
import { expectNoSeriousA11yViolations } from './axe';
import { demoAccounts, demoPatient, paulDurand, signInPatientApi, signInStaff } from './demo';
import { type E2eServer, launchBrowser, newPage, phoneViewport, startServer } from './support';

const { admin, secretary } = demoAccounts;
const templateTitle = 'Conseils après extraction';
const templateBody = 'Bonjour, voici nos conseils après une extraction. Appelez-nous en cas de saignement.';
const patientText = 'Bonjour, ma couronne bouge depuis hier soir.';

let server: E2eServer;
let browser: Browser;
let paulId: string;
let paulsPhone: BrowserContext;
let paulApp: APIRequestContext;

// Files as phones make them: only their first bytes matter to the server's type check.
const jpeg = () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(3_000, 7)]);
const pdf = () => Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  paulId = (await demoPatient(server.deps.db, 'Durand', 'Paul')).id;
  paulsPhone = await browser.newContext();
  paulApp = paulsPhone.request;
  await signInPatientApi(paulsPhone, server, paulDurand);
});
afterAll(async () => {
  await paulsPhone?.close();
  await browser?.close();
  await server?.close();
});

/** Paul writes from the app, as its composer sends: multipart with `body` and `files`. */
async function paulWrites(body: string, photo?: { name: string; buffer: Buffer }): Promise<Message> {
  const answer = await paulApp.post(`${server.url}/api/patient/messages/threads/${paulId}`, {
    multipart: photo ? { body, files: { ...photo, mimeType: 'image/jpeg' } } : { body },
  });
  expect(answer.status(), await answer.text()).toBe(201);
  return (await answer.json()) as Message;
}

/**
 * Stands in for the browser's Notification API (headless Chromium shows none): the permission is
 * "default" until asked, and every notification shown is kept for the test to read.
 */
const notificationRecorder = () => {
  const shown: { title: string; body: string }[] = [];
  let permission: NotificationPermission = 'default';
  class RecordingNotification {
    static get permission() {
      return permission;
    }
    static requestPermission() {
      permission = 'granted';
      return Promise.resolve(permission);
    }
    onclick: (() => void) | null = null;
    constructor(title: string, options: NotificationOptions = {}) {
      shown.push({ title, body: options.body ?? '' });
    }
    close() {}
  }
  Object.assign(window, { Notification: RecordingNotification, shownNotifications: shown });
};
const shownNotifications = (page: Page) =>
  page.evaluate(() => (window as unknown as { shownNotifications: { title: string }[] }).shownNotifications);

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

it('the admin writes a predefined reply with an attachment in Settings › Réponses types', async () => {
  const context = await browser.newContext();
  const { page, problems } = await newPage(context);
  await signInStaff(page, server, admin, '/console/settings/templates');
  const section = page.getByRole('region', { name: 'Réponses types' });
  await section.getByText('Aucune réponse type pour le moment.').waitFor();
  await section.getByRole('button', { name: 'Nouvelle réponse type' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouvelle réponse type' });
  // nothing typed: said under the fields, nothing sent
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await dialog.getByText('Indiquez un titre.').waitFor();
  await dialog.getByLabel(/^Titre/).fill(templateTitle);
  await dialog.getByLabel('Texte du message').fill(templateBody);
  await dialog
    .getByLabel('Pièce jointe (facultative)')
    .setInputFiles({ name: 'conseils.pdf', mimeType: 'application/pdf', buffer: pdf() });
  await expectNoSeriousA11yViolations(page);
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await page.getByText(`Réponse type enregistrée : ${templateTitle}.`).waitFor();
  await section.getByRole('heading', { name: templateTitle }).waitFor();
  await section.getByRole('link', { name: 'Pièce jointe : conseils.pdf' }).waitFor();
  await expectNoSeriousA11yViolations(page);
  expect(problems).toEqual([]);
  await context.close();
});

it('a patient sends a photo; the secretary sees it arrive live, answers with the predefined reply, files the photo; a later message notifies her on another page', async () => {
  const context = await browser.newContext({ viewport: phoneViewport });
  await context.addInitScript(notificationRecorder);
  const { page, problems } = await newPage(context);
  await signInStaff(page, server, secretary, '/console/messages');
  await page.getByRole('heading', { name: 'Conversations' }).waitFor();
  await page.getByText('Aucune conversation pour le moment.').waitFor();
  // notifications are asked from a click
  await page.getByRole('button', { name: 'Activer les notifications' }).click();
  await page.getByText('Notifications du navigateur activées.').waitFor();

  // the photo arrives while the page is open: no reload
  await paulWrites(patientText, { name: 'couronne.jpg', buffer: jpeg() });
  const thread = page.getByRole('link', { name: /DURAND Paul/ });
  await thread.getByText(patientText).waitFor();
  await thread.getByText('1 non lu(s)').waitFor();
  const badge = page.locator('#console-nav a[href="/console/messages"] .nav-badge');
  await expect.poll(() => badge.textContent()).toBe('1');
  // search by name (typos forgiven by the server) and the unread filter
  const search = page.getByLabel('Rechercher un patient');
  await search.fill('Zzyzx');
  await page.getByText('Aucune conversation ne correspond.').waitFor();
  await search.fill('durand');
  await thread.waitFor();
  await search.fill('');
  await page.getByRole('checkbox', { name: 'Non lus seulement' }).check();
  await thread.waitFor();
  await page.getByRole('checkbox', { name: 'Non lus seulement' }).uncheck();
  // she is on the Messagerie page with the tab visible: no notification
  expect(await shownNotifications(page)).toEqual([]);
  expect(await pageWidth(page)).toBeLessThanOrEqual(360);
  await expectNoSeriousA11yViolations(page);

  // she opens it: the message with its photo; the badge goes
  await thread.click();
  await page.getByRole('heading', { name: 'Conversation avec Paul Durand' }).waitFor();
  const received = page.getByRole('article', { name: 'Message de Paul Durand' });
  await received.getByText(patientText).waitFor();
  const photoLink = received.getByRole('link', { name: /^Ouvrir couronne/ });
  const photoUrl = await photoLink.getAttribute('href');
  const photo = await page.request.get(`${server.url}${photoUrl}`);
  expect(photo.status()).toBe(200);
  expect(photo.headers()['content-type']).toBe('image/jpeg');
  await expect.poll(() => badge.count()).toBe(0);

  // the predefined reply: its text in the box, its file attached by the server
  await page.getByLabel('Réponse type').selectOption({ label: templateTitle });
  expect(await page.getByLabel('Votre message').inputValue()).toBe(templateBody);
  await page.getByText('Pièce jointe de la réponse type : conseils.pdf').waitFor();
  expect(await pageWidth(page)).toBeLessThanOrEqual(360);
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Envoyer' }).click();
  await page.getByText('Message envoyé.').waitFor();
  const reply = page.getByRole('article', { name: 'Réponse de Nadia Lefèvre' });
  await reply.getByText(templateBody).waitFor();
  await reply.getByRole('link', { name: /^Ouvrir conseils/ }).waitFor();

  // the patient's app has it, with the template's attachment
  const paulsThread = await paulApp.get(`${server.url}/api/patient/messages/threads/${paulId}`);
  expect(paulsThread.status()).toBe(200);
  const newest = ((await paulsThread.json()) as MessagePage).items[0];
  expect(newest?.authorKind).toBe('staff');
  expect(newest?.body).toBe(templateBody);
  expect(newest?.attachments.map((attachment) => attachment.contentType)).toEqual(['application/pdf']);

  // the photo goes into Paul's documents, with the keyboard
  await received.getByRole('button', { name: /^Classer couronne.* dans les documents$/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Classer dans les documents du patient' });
  await dialog.getByLabel('Type de document').waitFor();
  await dialog.getByLabel('Titre').fill('Photo couronne');
  await dialog.getByLabel('Titre').press('Enter');
  await page.getByText(/est classé dans les documents\.$/).waitFor();
  await received.getByText(/^Classé dans les documents le /).waitFor();
  const documents = await page.request.get(`${server.url}/api/console/patients/${paulId}/documents`);
  expect(documents.status(), await documents.text()).toBe(200);
  const filed = JSON.stringify(await documents.json());
  expect(filed).toContain('Photo couronne');

  // on another page of the console, a new message raises the badge and a notification
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('link', { name: 'Agenda' }).click();
  await paulWrites('Merci, à demain.');
  await expect.poll(() => badge.textContent()).toBe('1');
  await expect
    .poll(async () => (await shownNotifications(page)).map((shown) => shown.title))
    .toEqual(['Nouveau message d’un patient']);
  expect(problems).toEqual([]);
  await context.close();
});
