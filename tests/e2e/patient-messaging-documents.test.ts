import { crc32, deflateSync } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { StaffDocument } from '../../src/contracts/documents';
import type { Message } from '../../src/contracts/messaging';
import { lastCodeSentTo } from '../support/factories';
import { expectNoSeriousA11yViolations } from './axe';
import { demoAccounts, demoPatient, paulDurand, signInPatientApi, signInStaffApi } from './demo';
import { type E2eServer, launchBrowser, newPage, phoneViewport, startServer } from './support';

/**
 * Messagerie and Documents in the patient app on a phone (issue 6, MSG-1…3, DOC-1, DOC-3): Paul Durand
 * sends a photo and reads the practice's answer arrive live; a secretary shares a quote to sign through the
 * console API and Paul signs it with the SMS code from the outbox. Every screen is checked with axe at 360 px.
 */

const { secretary } = demoAccounts;
const phone = { viewport: phoneViewport, isMobile: true, hasTouch: true };

let server: E2eServer;
let browser: Browser;
let paulSession: Awaited<ReturnType<BrowserContext['storageState']>>;
let desk: BrowserContext;
const ids = { paul: '', lea: '' };

/** A complete, valid 1×1 PNG (signature, IHDR, IDAT, IEND with their CRCs), as in src/domain/files tests. */
function tinyPng(): Buffer {
  const u32 = (value: number) => {
    const out = Buffer.alloc(4);
    out.writeUInt32BE(value >>> 0);
    return out;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    return Buffer.concat([u32(data.length), body, u32(crc32(body))]);
  };
  const header = Buffer.concat([u32(1), u32(1), Buffer.from([8, 2, 0, 0, 0])]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from([0, 255, 255, 255]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A Windows executable's first bytes under a photo's name. */
function renamedExecutable(): Buffer {
  const bytes = Buffer.alloc(4096, 0);
  bytes.write('MZ', 0, 'latin1');
  bytes.write('This program cannot be run in DOS mode.', 78, 'latin1');
  return bytes;
}

async function quotePdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage().drawText('Devis : couronne 46 — 650,00 EUR', { x: 50, y: 700, font, size: 14 });
  return Buffer.from(await pdf.save());
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const db = server.deps.db;
  ids.paul = (await demoPatient(db, 'Durand', 'Paul')).id;
  ids.lea = (await demoPatient(db, 'Durand', 'Léa')).id;

  const context = await browser.newContext(phone);
  await signInPatientApi(context, server, paulDurand);
  paulSession = await context.storageState();
  await context.close();

  desk = await browser.newContext();
  await signInStaffApi(desk, server, secretary);
});
afterAll(async () => {
  await desk?.close();
  await browser?.close();
  await server?.close();
});

async function openAs(path: string): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ ...phone, storageState: paulSession });
  const { page, problems } = await newPage(context);
  page.setDefaultTimeout(15_000);
  await page.goto(`${server.url}/app${path}`);
  return { context, page, problems };
}

async function checkScreen(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(phoneViewport.width);
  await expectNoSeriousA11yViolations(page);
}

/** The practice answers in a thread, through the console API (multipart, as the console sends it). */
async function staffWrites(patientId: string, body: string): Promise<Message> {
  const answer = await desk.request.post(`${server.url}/api/console/messages/threads/${patientId}`, {
    multipart: { body },
  });
  expect(answer.status(), await answer.text()).toBe(201);
  return (await answer.json()) as Message;
}

it('Messagerie: Paul sends a photo, a renamed executable is refused under the file field, the practice’s answer arrives live and unread badges follow', async () => {
  const { context, page, problems } = await openAs('/');
  await page.getByRole('heading', { name: 'Bonjour Paul' }).waitFor();
  await page
    .getByRole('region', { name: 'Vos services' })
    .getByRole('link', { name: /^Messagerie/ })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Messagerie' }).waitFor();
  const threads = page.getByRole('region', { name: 'Conversations' });
  await threads.getByRole('link', { name: /Léa Durand/ }).waitFor();
  await checkScreen(page);

  // the practice writes to Léa while the list is open: her badge appears without a reload
  await staffWrites(ids.lea, 'Bonjour, le rendez-vous de Léa est confirmé.');
  await threads
    .getByRole('link', { name: /Léa Durand/ })
    .getByText('1 non lu(s)')
    .waitFor();

  await threads.getByRole('link', { name: /Paul Durand/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Messages · Paul Durand' }).waitFor();
  await page.getByText('Aucun message. Écrivez au cabinet ci-dessous.').waitFor();
  const files = page.getByLabel('Joindre une photo ou un PDF');
  expect(await files.getAttribute('accept')).toBe('image/*,application/pdf');
  await checkScreen(page);

  // nothing to send: said under the text field
  await page.getByRole('button', { name: 'Envoyer' }).click();
  await page.getByText('Écrivez un message ou joignez un fichier.').waitFor();

  // a renamed executable: the server's refusal under the file field, which takes the focus; nothing sent
  await page.getByLabel('Votre message').fill('Voici une photo de ma dent.');
  await files.setInputFiles({ name: 'dent.png', mimeType: 'image/png', buffer: renamedExecutable() });
  await page.getByRole('button', { name: 'Envoyer' }).click();
  const refusal = page.locator('.field__error', { hasText: /Ce fichier n’est pas accepté/ });
  await refusal.waitFor();
  expect(await files.getAttribute('aria-invalid')).toBe('true');
  expect(await files.getAttribute('aria-describedby')).toContain(await refusal.getAttribute('id'));
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('file');
  await checkScreen(page);

  // the real photo instead
  await page.getByRole('button', { name: 'Retirer dent.png' }).click();
  await files.setInputFiles({ name: 'dent.png', mimeType: 'image/png', buffer: tinyPng() });
  await page
    .getByRole('list', { name: 'Fichiers joints' })
    .getByText(/dent\.png/)
    .waitFor();
  await page.getByRole('button', { name: 'Envoyer' }).click();
  await page.getByText('Message envoyé.').waitFor();
  const messages = page.getByRole('region', { name: 'Messages, du plus ancien au plus récent' });
  await messages.getByText('Voici une photo de ma dent.').waitFor();
  const photo = messages.getByRole('link', { name: /^Ouvrir dent\.png/ });
  await photo.waitFor();
  expect(await photo.getAttribute('target')).toBe('_blank');
  // the thumbnail is the stored file, served to this phone
  await page.waitForFunction(() => {
    const image = document.querySelector<HTMLImageElement>('.attachment__thumb');
    return image?.complete === true && image.naturalWidth === 1;
  });
  const href = await photo.getAttribute('href');
  const file = await context.request.get(`${server.url}${href}`);
  expect(file.status()).toBe(200);
  expect(file.headers()['content-type']).toBe('image/png');

  // the secretary answers: it appears without a reload, with the author
  await staffWrites(ids.paul, 'Merci, le Dr Bernard regarde votre photo.');
  await messages.getByText('Merci, le Dr Bernard regarde votre photo.').waitFor();
  await messages.getByText(/Nadia Lefèvre/).waitFor();
  // the practice opens the thread, as the console does: shown (a GET changes nothing), then marked read
  const read = await desk.request.get(`${server.url}/api/console/messages/threads/${ids.paul}`);
  expect(read.status()).toBe(200);
  const marked = await desk.request.post(`${server.url}/api/console/messages/threads/${ids.paul}/read`);
  expect(marked.status()).toBe(200);
  // Paul's message is marked read, live
  await messages.getByText('Lu par le cabinet').waitFor();
  await checkScreen(page);

  // back to the list: Paul's thread has nothing unread (read on screen), Léa's still has one
  await page.getByRole('link', { name: 'Toutes les conversations' }).click();
  await threads
    .getByRole('link', { name: /Paul Durand/ })
    .getByText(/Merci, le Dr Bernard/)
    .waitFor();
  expect(
    await threads
      .getByRole('link', { name: /Paul Durand/ })
      .getByText(/non lu/)
      .count(),
  ).toBe(0);
  await threads
    .getByRole('link', { name: /Léa Durand/ })
    .getByText('1 non lu(s)')
    .waitFor();
  expect(problems).toEqual([]);
  await context.close();
});

it('Messagerie: older messages come page by page', async () => {
  for (let index = 1; index <= 32; index += 1) await staffWrites(ids.lea, `Message numéro ${index}`);
  const { context, page, problems } = await openAs(`/messagerie/${ids.lea}`);
  const messages = page.getByRole('region', { name: 'Messages, du plus ancien au plus récent' });
  await messages.getByText('Message numéro 32', { exact: true }).waitFor();
  expect(await messages.getByText('Message numéro 2', { exact: true }).count()).toBe(0);
  await page.getByRole('button', { name: 'Voir les messages plus anciens' }).click();
  await messages.getByText('Message numéro 2', { exact: true }).waitFor();
  await messages.getByText('Bonjour, le rendez-vous de Léa est confirmé.').waitFor();
  expect(await page.getByRole('button', { name: 'Voir les messages plus anciens' }).count()).toBe(0);
  expect(problems).toEqual([]);
  await context.close();
});

it('Documents: Paul signs a quote shared by the secretary with the SMS code; the console finds it signed', async () => {
  const title = 'Devis couronne 46';
  const upload = await desk.request.post(`${server.url}/api/console/patients/${ids.paul}/documents`, {
    multipart: {
      type: 'quote',
      title,
      requiresSignature: 'true',
      file: { name: 'devis.pdf', mimeType: 'application/pdf', buffer: await quotePdf() },
    },
  });
  expect(upload.status(), await upload.text()).toBe(201);
  const document = (await upload.json()) as StaffDocument;

  const { context, page, problems } = await openAs('/');
  await page
    .getByRole('region', { name: 'Vos services' })
    .getByRole('link', { name: /^Documents/ })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Documents' }).waitFor();
  const toSign = page.getByRole('region', { name: /^À signer/ });
  await toSign.getByText(title).waitFor();
  await page
    .getByRole('region', { name: /^Signés/ })
    .getByText('Aucun document signé.')
    .waitFor();
  const open = toSign.getByRole('link', { name: `Ouvrir ${title} (PDF, nouvel onglet)` });
  expect(await open.getAttribute('target')).toBe('_blank');
  const pdf = await context.request.get(`${server.url}${await open.getAttribute('href')}`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  await checkScreen(page);

  await toSign.getByRole('link', { name: `Signer ${title}` }).click();
  await page.getByRole('heading', { level: 1, name: 'Signer un document' }).waitFor();
  await page.getByText(/Vous allez signer électroniquement « Devis couronne 46 »/).waitFor();
  await checkScreen(page);
  await page.getByRole('button', { name: 'Recevoir le code' }).click();
  await page.getByText(/Un code à 6 chiffres a été envoyé par SMS/).waitFor();
  const codeField = page.getByLabel('Code reçu par SMS');
  expect(await codeField.getAttribute('autocomplete')).toBe('one-time-code');
  expect(await codeField.getAttribute('inputmode')).toBe('numeric');
  expect(await page.getByRole('button', { name: /Renvoyer le code dans \d+ s/ }).isDisabled()).toBe(true);
  await checkScreen(page);

  // a wrong code: the tries left, under the field
  const code = await lastCodeSentTo(server.deps.db, paulDurand.e164);
  await codeField.fill(code === '000000' ? '111111' : '000000');
  await page.getByRole('button', { name: 'Signer le document' }).click();
  await page.getByText(/Code incorrect\. Il vous reste 4 essai/).waitFor();
  expect(await codeField.getAttribute('aria-invalid')).toBe('true');

  // the code as the SMS shows it, pasted with a space
  await codeField.fill(`${code.slice(0, 3)} ${code.slice(3)}`);
  expect(await codeField.inputValue()).toBe(code);
  await page.getByRole('button', { name: 'Signer le document' }).click();
  await page.getByRole('heading', { name: 'Document signé' }).waitFor();
  await page.getByText(`« ${title} » est signé.`, { exact: false }).waitFor();
  await checkScreen(page);

  await page.getByRole('link', { name: 'Retour aux documents' }).last().click();
  await page
    .getByRole('region', { name: /^Signés/ })
    .getByText(title)
    .waitFor();
  await page
    .getByRole('region', { name: /^À signer/ })
    .getByText('Aucun document à signer.')
    .waitFor();

  // the practice's side: signed, with its evidence
  const list = await desk.request.get(`${server.url}/api/console/patients/${ids.paul}/documents`);
  const staffDocs = (await list.json()) as { items: StaffDocument[] };
  const signed = staffDocs.items.find((item) => item.id === document.id);
  expect(signed?.status).toBe('signed');
  const evidence = await desk.request.get(`${server.url}/api/console/documents/${document.id}/signature`);
  expect(evidence.status()).toBe(200);
  expect(problems).toEqual([]);
  await context.close();
});

it('Documents in English', async () => {
  const { context, page, problems } = await openAs('/documents');
  await page.getByRole('heading', { level: 1, name: 'Documents' }).waitFor();
  await page.getByRole('button', { name: 'English' }).click();
  await page
    .getByRole('region', { name: /^Signed/ })
    .getByText('Devis couronne 46')
    .waitFor();
  await page
    .getByRole('region', { name: /^To sign/ })
    .getByText('No document to sign.')
    .waitFor();
  await page.getByRole('button', { name: 'Français' }).click();
  expect(problems).toEqual([]);
  await context.close();
});
