import { crc32, deflateSync } from 'node:zlib';
import { and, eq } from 'drizzle-orm';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { patients, practices } from '../../src/server/db/schema';
import { demoPassword, demoSlug } from '../../src/server/demo/demo-data';
import { lastCodeSentTo } from '../support/factories';
import { landedOnAgenda } from './demo';
import { type E2eServer, launchBrowser, newPage, phoneViewport, startServer } from './support';

/**
 * Issue 6, browser tests, both sides at once: Paul Durand on his phone in the patient app and Nadia
 * Lefèvre at the front desk in the console, each through the real screens in its own browser context.
 * (1) Paul sends a photo; the secretary sees it arrive live and answers with a predefined reply, which
 * Paul sees arrive in his open thread. (2) The secretary uploads a quote to sign; Paul signs it with the
 * SMS code from the outbox; the secretary finds it signed and opens the evidence.
 */

const admin = 'claire.martin@cabinet-tilleuls.example';
const secretary = 'nadia.lefevre@cabinet-tilleuls.example';
const paulPhone = { typed: '06 39 98 10 01', e164: '+33639981001' };
const templateTitle = 'Suivi photo';
const templateBody = 'Merci pour votre photo, le Dr Bernard la regarde et vous rappelle dans la journée.';
const patientText = 'Bonjour, voici une photo de ma gencive.';
const quoteTitle = 'Devis bridge 24-26';

let server: E2eServer;
let browser: Browser;
let paulId = '';
let paulsPhone: BrowserContext;
let paul: Page;
let paulProblems: string[];
let frontDesk: BrowserContext;
let nadia: Page;
let nadiaProblems: string[];

/** A complete, valid 1×1 PNG (signature, IHDR, IDAT, IEND with their CRCs). */
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

async function quotePdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage().drawText('Devis : bridge 24-26 — 1 850,00 EUR', { x: 50, y: 700, font, size: 14 });
  return Buffer.from(await pdf.save());
}

async function staffSignIn(page: Page, email: string, path: string): Promise<void> {
  page.setDefaultTimeout(15_000);
  await page.goto(`${server.url}${path}`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(demoPassword);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const [practice] = await server.deps.db.select().from(practices).where(eq(practices.slug, demoSlug));
  const [row] = await server.deps.db
    .select()
    .from(patients)
    .where(
      and(
        eq(patients.practiceId, practice?.id ?? ''),
        eq(patients.lastName, 'Durand'),
        eq(patients.firstName, 'Paul'),
      ),
    );
  paulId = row?.id ?? '';
  expect(paulId).not.toBe('');

  // Paul's phone: signed in through the sign-in screen, with the code read from the outbox
  paulsPhone = await browser.newContext({ viewport: phoneViewport, isMobile: true, hasTouch: true });
  ({ page: paul, problems: paulProblems } = await newPage(paulsPhone));
  paul.setDefaultTimeout(15_000);
  await paul.goto(`${server.url}/app/`);
  await paul.getByRole('heading', { name: 'Bienvenue' }).waitFor();
  await paul.getByLabel('Numéro de téléphone').fill(paulPhone.typed);
  await paul.getByLabel('Nom', { exact: true }).fill('Durand');
  await paul.getByLabel('Prénom').fill('Paul');
  await paul.getByLabel('Date de naissance').fill('14/03/1980');
  await paul.getByRole('button', { name: 'Connexion' }).click();
  await paul.getByRole('heading', { name: 'Vérification' }).waitFor();
  await paul.getByLabel('Code reçu par SMS').fill(await lastCodeSentTo(server.deps.db, paulPhone.e164));
  await paul.getByRole('button', { name: 'Valider' }).click();
  await paul.getByRole('heading', { name: 'Bonjour Paul' }).waitFor();

  // the front desk, signed in through the console's screen
  frontDesk = await browser.newContext();
  ({ page: nadia, problems: nadiaProblems } = await newPage(frontDesk));
  await staffSignIn(nadia, secretary, '/console/');
  await landedOnAgenda(nadia, server);
});
afterAll(async () => {
  await paulsPhone?.close();
  await frontDesk?.close();
  await browser?.close();
  await server?.close();
});

it('Paul sends a photo from the app; the secretary sees it arrive live, answers with a predefined reply; Paul sees it arrive live', async () => {
  // the admin writes the predefined reply in Settings › Réponses types
  const adminContext = await browser.newContext();
  const { page: claire, problems: claireProblems } = await newPage(adminContext);
  await staffSignIn(claire, admin, '/console/settings/templates');
  const templates = claire.getByRole('region', { name: 'Réponses types' });
  await templates.getByRole('button', { name: 'Nouvelle réponse type' }).click();
  const dialog = claire.getByRole('dialog', { name: 'Nouvelle réponse type' });
  await dialog.getByLabel(/^Titre/).fill(templateTitle);
  await dialog.getByLabel('Texte du message').fill(templateBody);
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await claire.getByText(`Réponse type enregistrée : ${templateTitle}.`).waitFor();
  expect(claireProblems).toEqual([]);
  await adminContext.close();

  // the secretary has the Messagerie open
  await nadia.goto(`${server.url}/console/messages`);
  await nadia.getByRole('heading', { name: 'Conversations' }).waitFor();
  await nadia.getByText('Aucune conversation pour le moment.').waitFor();

  // Paul opens his thread and sends a photo from the composer
  await paul
    .getByRole('region', { name: 'Vos services' })
    .getByRole('link', { name: /^Messagerie/ })
    .click();
  await paul.getByRole('heading', { level: 1, name: 'Messagerie' }).waitFor();
  await paul
    .getByRole('region', { name: 'Conversations' })
    .getByRole('link', { name: /Paul Durand/ })
    .click();
  await paul.getByRole('heading', { level: 1, name: 'Messages · Paul Durand' }).waitFor();
  await paul.getByLabel('Votre message').fill(patientText);
  await paul
    .getByLabel('Joindre une photo ou un PDF')
    .setInputFiles({ name: 'gencive.png', mimeType: 'image/png', buffer: tinyPng() });
  await paul
    .getByRole('list', { name: 'Fichiers joints' })
    .getByText(/gencive\.png/)
    .waitFor();
  await paul.getByRole('button', { name: 'Envoyer' }).click();
  await paul.getByText('Message envoyé.').waitFor();
  const paulsMessages = paul.getByRole('region', { name: 'Messages, du plus ancien au plus récent' });
  await paulsMessages.getByText(patientText).waitFor();
  await paulsMessages.getByRole('link', { name: /^Ouvrir gencive\.png/ }).waitFor();

  // it arrives in the console without a reload
  const thread = nadia.getByRole('link', { name: /DURAND Paul/ });
  await thread.getByText(patientText).waitFor();
  await thread.getByText('1 non lu(s)').waitFor();

  // she opens it: the message with its photo, served as the stored PNG
  await thread.click();
  await nadia.getByRole('heading', { name: 'Conversation avec Paul Durand' }).waitFor();
  const received = nadia.getByRole('article', { name: 'Message de Paul Durand' });
  await received.getByText(patientText).waitFor();
  const photoUrl = await received.getByRole('link', { name: /^Ouvrir gencive/ }).getAttribute('href');
  const photo = await nadia.request.get(`${server.url}${photoUrl}`);
  expect(photo.status()).toBe(200);
  expect(photo.headers()['content-type']).toBe('image/png');
  // Paul's open thread shows it read by the practice, live
  await paulsMessages.getByText('Lu par le cabinet').waitFor();

  // the predefined reply
  await nadia.getByLabel('Réponse type').selectOption({ label: templateTitle });
  expect(await nadia.getByLabel('Votre message').inputValue()).toBe(templateBody);
  await nadia.getByRole('button', { name: 'Envoyer' }).click();
  await nadia.getByText('Message envoyé.').waitFor();
  await nadia.getByRole('article', { name: 'Réponse de Nadia Lefèvre' }).getByText(templateBody).waitFor();

  // Paul, who kept his thread open, sees it arrive with its author
  await paulsMessages.getByText(templateBody).waitFor();
  await paulsMessages.getByText(/Nadia Lefèvre/).waitFor();
  expect(await paul.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    phoneViewport.width,
  );
  expect(paulProblems).toEqual([]);
  expect(nadiaProblems).toEqual([]);
});

it('the secretary uploads a quote to sign; Paul signs it in the app with the SMS code; the secretary finds it signed with its evidence', async () => {
  // the secretary adds the quote on Paul's file, to sign
  await nadia.goto(`${server.url}/console/patients/${paulId}`);
  const section = nadia.getByRole('region', { name: 'Documents' });
  await section.getByText('Aucun document pour ce patient.').waitFor();
  await section.getByRole('button', { name: 'Ajouter un document' }).click();
  await section
    .getByLabel('Fichier PDF')
    .setInputFiles({ name: 'devis-bridge.pdf', mimeType: 'application/pdf', buffer: await quotePdf() });
  await section.getByLabel('Type de document').selectOption({ label: 'Devis' });
  await section.getByLabel(/^Titre/).fill(quoteTitle);
  await section.getByRole('checkbox', { name: 'À faire signer' }).check();
  await section.getByRole('button', { name: 'Ajouter le document' }).click();
  await nadia.getByText(`Document ajouté : ${quoteTitle}.`).waitFor();
  const card = section.getByRole('article', { name: quoteTitle });
  await card.getByText('À signer', { exact: true }).waitFor();

  // Paul opens Documents in the app
  await paul.goto(`${server.url}/app/`);
  await paul
    .getByRole('region', { name: 'Vos services' })
    .getByRole('link', { name: /^Documents/ })
    .click();
  await paul.getByRole('heading', { level: 1, name: 'Documents' }).waitFor();
  const toSign = paul.getByRole('region', { name: /^À signer/ });
  await toSign.getByText(quoteTitle).waitFor();
  await toSign.getByRole('link', { name: `Signer ${quoteTitle}` }).click();
  await paul.getByRole('heading', { level: 1, name: 'Signer un document' }).waitFor();
  await paul.getByText(`Vous allez signer électroniquement « ${quoteTitle} »`, { exact: false }).waitFor();
  await paul.getByRole('button', { name: 'Recevoir le code' }).click();
  await paul.getByText(/Un code à 6 chiffres a été envoyé par SMS/).waitFor();
  await paul.getByLabel('Code reçu par SMS').fill(await lastCodeSentTo(server.deps.db, paulPhone.e164));
  await paul.getByRole('button', { name: 'Signer le document' }).click();
  await paul.getByRole('heading', { name: 'Document signé' }).waitFor();
  await paul.getByText(`« ${quoteTitle} » est signé.`, { exact: false }).waitFor();
  await paul.getByRole('link', { name: 'Retour aux documents' }).last().click();
  await paul
    .getByRole('region', { name: /^Signés/ })
    .getByText(quoteTitle)
    .waitFor();

  // the secretary, still on Paul's file, reloads and finds it signed
  await nadia.reload();
  await card.getByText('Signé', { exact: true }).waitFor();
  await card.getByText(/^Signé le /).waitFor();
  await card.getByRole('button', { name: `Preuve de signature : ${quoteTitle}` }).click();
  const evidenceDialog = nadia.getByRole('dialog', { name: `Preuve de signature : ${quoteTitle}` });
  const evidence = (term: string) =>
    evidenceDialog.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd');
  await expect.poll(() => evidence('Signataire').textContent()).toMatch(/Paul.*Durand|Durand.*Paul/i);
  expect(await evidence('Téléphone ayant reçu le code').textContent()).toMatch(/01$/);
  expect(await evidence('Empreinte SHA-256 du PDF signé').textContent()).toMatch(/^[0-9a-f]{64}$/);
  await evidenceDialog.getByRole('button', { name: 'Vérifier' }).click();
  await evidenceDialog.getByRole('status').filter({ hasText: 'Signature valide.' }).waitFor();
  await nadia.keyboard.press('Escape');
  await evidenceDialog.waitFor({ state: 'detached' });

  // Console › Documents: nothing waits for a signature any more
  await nadia.goto(`${server.url}/console/documents`);
  await nadia.getByText('Aucun document n’attend de signature.').waitFor();
  expect(paulProblems).toEqual([]);
  expect(nadiaProblems).toEqual([]);
});
