import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DocumentSettings, PatientDocumentList, SecureLinkInfo } from '../../src/contracts/documents';
import { lastCodeSentTo, lastMessageTo } from '../support/factories';
import { expectNoSeriousA11yViolations } from './axe';
import { demoAccounts, demoPatient, paulDurand, signInPatientApi, signInStaff } from './demo';
import { type E2eServer, launchBrowser, newPage, phoneViewport, startServer } from './support';

const { admin, secretary } = demoAccounts;
/** Paul Durand, an adult of the demo with his own phone */
const paulPhone = paulDurand.e164;
/** a relative who does not use the app, for the secure channel */
const readerPhone = '+33639987766';
const readerAgent = 'Sourire-Test-Reader/1.0 (secure channel)';
const quoteTitle = 'Devis implant 36';

let server: E2eServer;
let browser: Browser;
let paulId: string;
let paulsPhone: BrowserContext;
let paulApp: APIRequestContext;

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

/** A small real PDF, as the practice's software would print a quote. */
async function quotePdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage().drawText('Devis : implant 36 — 1 200,00 EUR', { x: 50, y: 700, font, size: 14 });
  return Buffer.from(await pdf.save());
}

/** A Windows executable's first bytes under a PDF name. */
function renamedExecutable(): Buffer {
  const bytes = Buffer.alloc(4096, 0);
  bytes.write('MZ', 0, 'latin1');
  bytes.write('This program cannot be run in DOS mode.', 78, 'latin1');
  return bytes;
}

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

async function paulsDocuments(): Promise<PatientDocumentList> {
  const answer = await paulApp.get(`${server.url}/api/patient/documents`);
  expect(answer.status(), await answer.text()).toBe(200);
  return (await answer.json()) as PatientDocumentList;
}

it('a secretary uploads a quote to sign on a phone; a renamed executable is refused; the quote waits in Console › Documents', async () => {
  const context = await browser.newContext({ viewport: phoneViewport });
  const { page, problems } = await newPage(context);
  await signInStaff(page, server, secretary, `/console/patients/${paulId}`);
  const section = page.getByRole('region', { name: 'Documents' });
  await section.getByText('Aucun document pour ce patient.').waitFor();

  // the executable first: refused, said under the file field, focus back on it, nothing listed
  await section.getByRole('button', { name: 'Ajouter un document' }).click();
  const file = section.getByLabel('Fichier PDF');
  await file.setInputFiles({ name: 'devis.pdf', mimeType: 'application/pdf', buffer: renamedExecutable() });
  expect(await section.getByLabel(/^Titre/).inputValue()).toBe('devis');
  await section.getByRole('button', { name: 'Ajouter le document' }).click();
  const refusal = section.getByText(
    /Ce fichier n’est pas accepté : son contenu n’est pas un format autorisé/,
  );
  await refusal.waitFor();
  expect(await file.getAttribute('aria-invalid')).toBe('true');
  expect(await file.evaluate((input) => input.getAttribute('aria-describedby'))).toContain(
    await refusal.getAttribute('id'),
  );
  expect(await file.evaluate((input) => input === document.activeElement)).toBe(true);
  expect(await paulsDocuments()).toEqual({ toSign: [], signed: [], others: [] });

  // the real quote, to sign, with the keyboard for the choices
  await file.setInputFiles({
    name: 'devis-implant.pdf',
    mimeType: 'application/pdf',
    buffer: await quotePdf(),
  });
  await section.getByLabel('Type de document').selectOption({ label: 'Devis' });
  await section.getByLabel(/^Titre/).fill(quoteTitle);
  await section.getByRole('checkbox', { name: 'À faire signer' }).focus();
  await page.keyboard.press('Space');
  expect(await pageWidth(page)).toBeLessThanOrEqual(360);
  await expectNoSeriousA11yViolations(page);
  await section.getByRole('button', { name: 'Ajouter le document' }).click();
  await page.getByText(`Document ajouté : ${quoteTitle}.`).waitFor();
  const card = section.getByRole('article', { name: quoteTitle });
  await card.getByText('À signer', { exact: true }).waitFor();
  await card.getByText(/^Devis · .* · par Nadia Lefèvre · \d+ Ko$/).waitFor();
  await card.getByText('Visible par : Patient, Responsables').waitFor();
  expect(await pageWidth(page)).toBeLessThanOrEqual(360);
  await expectNoSeriousA11yViolations(page);
  const toSign = (await paulsDocuments()).toSign;
  expect(toSign).toEqual([expect.objectContaining({ title: quoteTitle, status: 'to_sign', canSign: true })]);

  // the document opens as a PDF
  const opened = await context.request.get(
    `${server.url}${await card.getByRole('link', { name: `Ouvrir : ${quoteTitle}` }).getAttribute('href')}`,
  );
  expect(opened.status()).toBe(200);
  expect(opened.headers()['content-type']).toContain('application/pdf');

  // Console › Documents: waiting for a signature, with a link to the file
  await page.getByRole('button', { name: 'Menu' }).click();
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Documents' })
    .click();
  await page.getByRole('heading', { name: 'En attente de signature', level: 2 }).waitFor();
  const row = page.getByRole('row', { name: /DURAND Paul/ });
  await row.getByText(quoteTitle).waitFor();
  await row.getByText('Devis', { exact: true }).waitFor();
  expect(await pageWidth(page)).toBeLessThanOrEqual(360);
  await expectNoSeriousA11yViolations(page);
  await row.getByRole('link', { name: /DURAND Paul/ }).click();
  await expect.poll(() => page.url()).toBe(`${server.url}/console/patients/${paulId}`);
  await section.getByRole('article', { name: quoteTitle }).waitFor();
  expect(problems).toEqual([]);
  await context.close();
});

it('the patient signs through the API; the secretary finds it signed, reads the evidence and Vérifier says valid', async () => {
  const [quote] = (await paulsDocuments()).toSign;
  if (!quote) throw new Error('no quote to sign');
  const asked = await paulApp.post(`${server.url}/api/patient/documents/${quote.id}/signature/code`, {
    data: {},
  });
  expect(asked.status(), await asked.text()).toBe(200);
  const { challengeId } = (await asked.json()) as { challengeId: string };
  const signed = await paulApp.post(`${server.url}/api/patient/documents/${quote.id}/signature`, {
    data: { challengeId, code: await lastCodeSentTo(server.deps.db, paulPhone) },
  });
  expect(signed.status(), await signed.text()).toBe(200);

  const context = await browser.newContext();
  const { page, problems } = await newPage(context);
  await signInStaff(page, server, secretary, `/console/patients/${paulId}`);
  const card = page.getByRole('region', { name: 'Documents' }).getByRole('article', { name: quoteTitle });
  await card.getByText('Signé', { exact: true }).waitFor();
  await card.getByText(/^Signé le /).waitFor();

  await card.getByRole('button', { name: `Preuve de signature : ${quoteTitle}` }).click();
  const dialog = page.getByRole('dialog', { name: `Preuve de signature : ${quoteTitle}` });
  const evidence = (term: string) =>
    dialog.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd');
  await expect.poll(() => evidence('Signataire').textContent()).toMatch(/Paul.*Durand|Durand.*Paul/i);
  expect(await evidence('Téléphone ayant reçu le code').textContent()).toMatch(/01$/);
  expect(await evidence('Téléphone ayant reçu le code').textContent()).not.toContain('39 98 10');
  expect(await evidence('Adresse IP').textContent()).toMatch(/127\.0\.0\.1/);
  expect(await evidence('Navigateur (user agent)').textContent()).not.toBe('');
  expect(await evidence('Empreinte SHA-256 de l’original').textContent()).toMatch(/^[0-9a-f]{64}$/);
  expect(await evidence('Empreinte SHA-256 du PDF signé').textContent()).toMatch(/^[0-9a-f]{64}$/);
  await dialog.getByRole('button', { name: 'Vérifier' }).click();
  const verdict = dialog.getByRole('status').filter({ hasText: 'Signature valide.' });
  await verdict.waitFor();
  await verdict.getByText(/Empreinte du PDF signé — conforme/).waitFor();
  await verdict.getByText(/Empreinte de l’original — conforme/).waitFor();
  expect(await verdict.getByText('échec').count()).toBe(0);
  await expectNoSeriousA11yViolations(page);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });

  // nothing waits for a signature any more
  await page.goto(`${server.url}/console/documents`);
  await page.getByText('Aucun document n’attend de signature.').waitFor();
  expect(problems).toEqual([]);
  await context.close();
});

it('send securely: a one-time link, opened with the SMS code, listed with its openings, then revoked', async () => {
  const context = await browser.newContext({ viewport: phoneViewport });
  const { page, problems } = await newPage(context);
  await signInStaff(page, server, secretary, `/console/patients/${paulId}`);
  const card = page.getByRole('region', { name: 'Documents' }).getByRole('article', { name: quoteTitle });
  await card.getByRole('button', { name: `Envoyer de façon sécurisée : ${quoteTitle}` }).click();
  const dialog = page.getByRole('dialog', { name: `Envoi sécurisé : ${quoteTitle}` });
  // Paul's own mobile is offered; the quote goes to his wife's instead
  const phone = dialog.getByLabel(/^Téléphone mobile du destinataire/);
  expect(await phone.inputValue()).toBe('06 39 98 10 01');
  await dialog.getByText('Aucun lien envoyé pour ce document.').waitFor();
  await phone.fill('06 39 98 77');
  await dialog.getByLabel('Nom du destinataire').fill('Claire Durand');
  await dialog.getByRole('button', { name: 'Envoyer le lien' }).click();
  await dialog.locator('.field__error').first().waitFor();
  expect(await phone.getAttribute('aria-invalid')).toBe('true');
  await phone.fill('06 39 98 77 66');
  expect(await dialog.getByLabel(/^Validité du lien/).inputValue()).toBe('7');
  await dialog.getByRole('button', { name: 'Envoyer le lien' }).click();
  await dialog.getByText(/^Lien envoyé ; le code d’ouverture ira au .*66\.$/).waitFor();
  const link = dialog.getByRole('article', { name: 'Lien pour Claire Durand' });
  await link.getByText('Actif', { exact: true }).waitFor();
  await link.getByText(/^Valable jusqu’au /).waitFor();
  await link.getByText('Jamais ouvert.').waitFor();
  expect(await pageWidth(page)).toBeLessThanOrEqual(360);
  await expectNoSeriousA11yViolations(page);

  // the reader opens the link with the code sent to her phone, as the public page would
  const sms = await lastMessageTo(server.deps.db, readerPhone);
  const token = sms?.body.match(/\/([A-Za-z0-9_-]{43})(?:\s|$)/)?.[1];
  expect(token, sms?.body).toBeDefined();
  const reader = await browser.newContext({ userAgent: readerAgent });
  const info = await reader.request.get(`${server.url}/api/public/secure/${token}`);
  expect(info.status(), await info.text()).toBe(200);
  expect(((await info.json()) as SecureLinkInfo).maskedPhone).toMatch(/66$/);
  const code = await reader.request.post(`${server.url}/api/public/secure/${token}/code`, { data: {} });
  expect(code.status(), await code.text()).toBe(200);
  const { challengeId } = (await code.json()) as { challengeId: string };
  const open = await reader.request.post(`${server.url}/api/public/secure/${token}/open`, {
    data: { challengeId, code: await lastCodeSentTo(server.deps.db, readerPhone) },
  });
  expect(open.status(), await open.text()).toBe(200);
  const pdf = await reader.request.get(`${server.url}/api/public/secure/${token}/file`);
  expect(pdf.status()).toBe(200);

  // the opening shows in the console, with when, where from and the browser
  await dialog.getByRole('button', { name: 'Actualiser' }).click();
  await link.getByRole('heading', { name: 'Ouvertures (1)' }).waitFor();
  await link.getByText(readerAgent).waitFor();
  await link.getByText(/IP 127\.0\.0\.1/).waitFor();

  // revoke, with a confirmation; the link then refuses to open
  await link.getByRole('button', { name: 'Révoquer le lien : Claire Durand' }).click();
  const confirm = link.getByRole('button', { name: 'Révoquer', exact: true });
  await expect.poll(() => confirm.evaluate((button) => button === document.activeElement)).toBe(true);
  await page.keyboard.press('Enter');
  await dialog.getByText('Lien révoqué.').waitFor();
  await link.getByText('Révoqué', { exact: true }).waitFor();
  await link.getByText(/^Révoqué le /).waitFor();
  expect(await link.getByRole('button').count()).toBe(0);
  const dead = await reader.request.get(`${server.url}/api/public/secure/${token}`);
  expect(dead.status()).toBe(410);
  await reader.close();
  expect(problems).toEqual([]);
  await context.close();
});

it('a letter to a professional stays in the practice; its sharing changes; an empty file is refused; a document shared by mistake is deleted', async () => {
  const letterTitle = 'Courrier au Dr Roux';
  const context = await browser.newContext();
  const { page, problems } = await newPage(context);
  await signInStaff(page, server, secretary, `/console/patients/${paulId}`);
  const section = page.getByRole('region', { name: 'Documents' });
  await section.getByRole('button', { name: 'Ajouter un document' }).click();
  const file = section.getByLabel('Fichier PDF');
  await file.setInputFiles({ name: 'vide.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(0) });
  await section.getByRole('button', { name: 'Ajouter le document' }).click();
  await section.getByText('Ce fichier est vide : rien n’a été envoyé.').waitFor();
  await file.setInputFiles({ name: 'courrier.pdf', mimeType: 'application/pdf', buffer: await quotePdf() });
  await section.getByLabel('Type de document').selectOption({ label: 'Courrier' });
  await section.getByLabel(/^Titre/).fill(letterTitle);
  await section.getByRole('checkbox', { name: 'Courrier adressé à un autre professionnel de santé' }).check();
  await section.getByRole('button', { name: 'Ajouter le document' }).click();
  const card = section.getByRole('article', { name: letterTitle });
  await card.getByText('Courrier à un professionnel').waitFor();
  // letters to professionals are kept out by the practice's default rules
  await card.getByText('Non partagé dans l’application').waitFor();
  await card.getByText('Sans signature', { exact: true }).waitFor();

  // its own sharing: the patient only, and no longer a letter to a professional
  await card.getByRole('button', { name: `Modifier le partage : ${letterTitle}` }).click();
  const dialog = page.getByRole('dialog', { name: `Partage : ${letterTitle}` });
  await dialog.getByRole('checkbox', { name: 'Partage par défaut du type' }).uncheck();
  await dialog
    .getByRole('group', { name: 'Visible par' })
    .getByRole('checkbox', { name: 'Responsables' })
    .uncheck();
  await dialog
    .getByRole('checkbox', { name: 'Courrier adressé à un autre professionnel de santé' })
    .uncheck();
  await expectNoSeriousA11yViolations(page);
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await page.getByText(`Partage enregistré : ${letterTitle}.`).waitFor();
  await card.getByText(/^Visible par : Patient\s+\(réglage propre à ce document\)$/).waitFor();
  expect(await card.getByText('Non partagé dans l’application').count()).toBe(0);
  expect((await paulsDocuments()).others.map((document) => document.title)).toContain(letterTitle);

  // shared with the wrong patient: deleted, and gone from the app; a signed document cannot be
  const signedCard = section.getByRole('article', { name: quoteTitle });
  expect(await signedCard.getByRole('button', { name: /^Supprimer/ }).count()).toBe(0);
  await card.getByRole('button', { name: `Supprimer : ${letterTitle}` }).click();
  const confirm = page.getByRole('dialog', { name: `Supprimer « ${letterTitle} » ?` });
  await confirm.getByRole('button', { name: 'Supprimer le document' }).click();
  await page.getByText(`Document supprimé : ${letterTitle}.`).waitFor();
  await card.waitFor({ state: 'detached' });
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Documents');
  expect((await paulsDocuments()).others.map((document) => document.title)).not.toContain(letterTitle);
  expect(problems).toEqual([]);
  await context.close();
});

it('the admin sets the sharing rules in Settings › Documents; the secretary has no such tab; English too', async () => {
  const context = await browser.newContext({ viewport: phoneViewport });
  const { page, problems } = await newPage(context);
  await signInStaff(page, server, admin, '/console/settings/documents');
  await page.getByRole('heading', { name: 'Documents : partage', level: 2 }).waitFor();
  const onlySigned = page.getByRole('checkbox', { name: 'Partager uniquement les documents signés' });
  const letters = page.getByRole('checkbox', {
    name: 'Exclure les courriers adressés à d’autres professionnels',
  });
  expect(await onlySigned.isChecked()).toBe(false);
  expect(await letters.isChecked()).toBe(true);
  const scans = page.getByRole('group', { name: 'Document externe (scanné)' });
  expect(await scans.getByRole('checkbox', { name: 'Patient' }).isChecked()).toBe(false);
  await scans.getByRole('checkbox', { name: 'Patient' }).check();
  await onlySigned.focus();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.getByText('Règles de partage des documents enregistrées.').waitFor();
  expect(await pageWidth(page)).toBeLessThanOrEqual(360);
  await expectNoSeriousA11yViolations(page);
  const saved = (await (
    await context.request.get(`${server.url}/api/console/settings/documents`)
  ).json()) as DocumentSettings;
  expect(saved.shareOnlySigned).toBe(true);
  expect(saved.types.external_scanned).toEqual({ patient: true, responsables: false, correspondents: false });

  // English
  await page.getByRole('group', { name: 'Langue' }).getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'Documents: sharing', level: 2 }).waitFor();
  expect(await page.getByRole('checkbox', { name: 'Share only signed documents' }).isChecked()).toBe(true);
  await page.goto(`${server.url}/console/patients/${paulId}`);
  const card = page.getByRole('region', { name: 'Documents' }).getByRole('article', { name: quoteTitle });
  await card.getByText('Signed', { exact: true }).waitFor();
  // (the hidden suffix is positioned, so Chromium puts a space before it in the name)
  await card.getByRole('button', { name: /^Signature evidence\s?: Devis implant 36$/ }).waitFor();
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Français' }).click();
  expect(problems).toEqual([]);
  await context.close();

  // the front desk has no settings at all
  const desk = await browser.newContext();
  const deskPage = await newPage(desk);
  await signInStaff(deskPage.page, server, secretary, '/console/settings/documents');
  await deskPage.page.getByRole('heading', { name: /^Bonjour/ }).waitFor();
  expect(await deskPage.page.getByRole('heading', { name: 'Documents : partage' }).count()).toBe(0);
  expect(deskPage.problems).toEqual([]);
  await desk.close();
});
