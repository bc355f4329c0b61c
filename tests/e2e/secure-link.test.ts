import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SecureLink, StaffDocument } from '../../src/contracts/documents';
import { makePdf } from '../support/documents';
import { lastCodeSentTo, lastMessageTo } from '../support/factories';
import { expectNoSeriousA11yViolations } from './axe';
import { demoAccounts, demoPatient, signInStaffApi } from './demo';
import { type E2eServer, launchBrowser, newPage, phoneViewport, startServer } from './support';

const { secretary } = demoAccounts;
/** someone who does not use the app: the results go to her phone, by link and code */
const readerPhone = '+33639985544';
const resultsTitle = 'Compte rendu radiologique';

let server: E2eServer;
let browser: Browser;
let desk: BrowserContext;
let staff: APIRequestContext;
let documentId: string;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const paul = await demoPatient(server.deps.db, 'Durand', 'Paul');
  desk = await browser.newContext();
  staff = desk.request;
  await signInStaffApi(desk, server, secretary);
  const uploaded = await staff.post(`${server.url}/api/console/patients/${paul.id}/documents`, {
    multipart: {
      type: 'other',
      title: resultsTitle,
      file: { name: 'compte-rendu.pdf', mimeType: 'application/pdf', buffer: await makePdf(resultsTitle) },
    },
  });
  expect(uploaded.status(), await uploaded.text()).toBe(201);
  documentId = ((await uploaded.json()) as StaffDocument).id;
});
afterAll(async () => {
  await desk?.close();
  await browser?.close();
  await server?.close();
});

/** The secretary sends the document securely; the link, as the recipient reads it in the SMS. */
async function sendSecureLink(): Promise<{ link: SecureLink; url: string }> {
  const answer = await staff.post(`${server.url}/api/console/documents/${documentId}/secure-links`, {
    data: { phone: '06 39 98 55 44', recipientName: 'Claire Durand' },
  });
  expect(answer.status(), await answer.text()).toBe(201);
  const sms = await lastMessageTo(server.deps.db, readerPhone);
  const url = sms?.body.match(/(https?:\/\/\S+\/rdv\/document\/[A-Za-z0-9_-]{43})(?:\s|$)/)?.[1];
  if (!url) throw new Error(`no secure link in: ${sms?.body}`);
  return { link: (await answer.json()) as SecureLink, url };
}

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

it('on a phone, the recipient opens the link, asks for the code, types it and opens the PDF', async () => {
  const { url } = await sendSecureLink();
  const context = await browser.newContext({ viewport: phoneViewport });
  const { page, problems } = await newPage(context);
  page.setDefaultTimeout(15_000);
  await page.goto(url);

  // before the code: who sent it, where the code goes, until when — nothing of the document
  await page.getByRole('heading', { name: 'Document sécurisé', level: 1 }).waitFor();
  await page.getByText('Un document vous a été transmis de façon sécurisée.').waitFor();
  const fact = (term: string) => page.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd');
  expect(await fact('De la part de').textContent()).toBe('Cabinet dentaire des Tilleuls');
  expect(await fact('Code envoyé au').textContent()).toMatch(/44$/);
  expect(await fact('Code envoyé au').textContent()).not.toContain('55');
  expect(await fact('Lien valable jusqu’au').textContent()).toMatch(/^\S+ \d+(er)? \S+ \d{4} à \d{2}:\d{2}$/);
  expect(await page.locator('body').textContent()).not.toContain(resultsTitle);
  expect(await pageWidth(page)).toBeLessThanOrEqual(360);
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('button', { name: 'Recevoir le code par SMS' }).click();
  const field = page.getByLabel('Code reçu par SMS');
  await field.waitFor();
  expect(await field.getAttribute('autocomplete')).toBe('one-time-code');
  expect(await field.getAttribute('inputmode')).toBe('numeric');
  expect(await field.evaluate((input) => input === document.activeElement)).toBe(true);
  await page.getByText(/^Un code à 6 chiffres vient d’être envoyé par SMS au .*44\./).waitFor();
  const resend = page.getByRole('button', { name: /^Renvoyer le code dans \d+ s$/ });
  expect(await resend.isDisabled()).toBe(true);
  const code = await lastCodeSentTo(server.deps.db, readerPhone);

  // too short, then a wrong code: said, with the tries left
  await field.fill('123');
  await page.getByRole('button', { name: 'Ouvrir le document' }).click();
  await page.getByText('Le code comporte 6 chiffres.').waitFor();
  expect(await field.getAttribute('aria-invalid')).toBe('true');
  const wrong = `${(Number(code[0]) + 1) % 10}${code.slice(1)}`;
  await field.fill(wrong);
  await page.getByRole('button', { name: 'Ouvrir le document' }).click();
  await page.getByRole('alert').filter({ hasText: 'Code incorrect. Essais restants : 4.' }).waitFor();
  expect(await field.inputValue()).toBe('');
  expect(await pageWidth(page)).toBeLessThanOrEqual(360);
  await expectNoSeriousA11yViolations(page);

  // pasted as the SMS shows it, with a space: the digits are kept
  await field.fill(`${code.slice(0, 3)} ${code.slice(3)}`);
  expect(await field.inputValue()).toBe(code);
  const file = page.waitForResponse((response) => response.url().endsWith('/file'));
  await page.getByRole('button', { name: 'Ouvrir le document' }).click();
  const pdf = await file;
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');

  // back from the PDF: the page remembers the opening, with a link to open it again while it lasts
  await expect.poll(() => page.url()).toMatch(/\/file$/);
  // "commit": the PDF viewer page may hold its load event back under load; the link below is what counts
  await page.goBack({ waitUntil: 'commit', timeout: 30_000 });
  const again = page.getByRole('link', { name: `Ouvrir le document : ${resultsTitle}` });
  await again.waitFor();
  await page.getByText(/^Vous pouvez l’ouvrir depuis ce navigateur jusqu’à \d{2}:\d{2}\./).waitFor();
  const reopened = await context.request.get(`${server.url}${await again.getAttribute('href')}`);
  expect(reopened.status()).toBe(200);
  expect(reopened.headers()['content-type']).toContain('application/pdf');
  expect(await pageWidth(page)).toBeLessThanOrEqual(360);
  await expectNoSeriousA11yViolations(page);
  expect(problems).toEqual([]);
  await context.close();
});

it('a revoked link says it has expired, and sends no code', async () => {
  const { link, url } = await sendSecureLink();
  const revoked = await staff.post(`${server.url}/api/console/secure-links/${link.id}/revoke`, { data: {} });
  expect(revoked.status(), await revoked.text()).toBe(200);
  const context = await browser.newContext({ viewport: phoneViewport });
  const { page, problems } = await newPage(context);
  page.setDefaultTimeout(15_000);
  await page.goto(url);
  await page
    .getByRole('alert')
    .filter({ hasText: /^Ce lien a expiré ou a été désactivé par le cabinet\./ })
    .waitFor();
  expect(await page.getByRole('button', { name: 'Recevoir le code par SMS' }).count()).toBe(0);
  expect(await page.locator('body').textContent()).not.toContain(resultsTitle);
  expect(await pageWidth(page)).toBeLessThanOrEqual(360);
  await expectNoSeriousA11yViolations(page);

  // in English too
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'Secure document', level: 1 }).waitFor();
  await page
    .getByRole('alert')
    .filter({ hasText: /^This link has expired or was switched off/ })
    .waitFor();
  expect(problems).toEqual([]);
  await context.close();
});
