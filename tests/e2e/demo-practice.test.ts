import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemoActivity } from '../../src/server/demo/seed-demo-activity';
import { demoAccounts, leaDurand, signInPatientApi, signInStaff } from './demo';
import { type E2eServer, launchBrowser, newPage, phoneViewport, startServer } from './support';

/**
 * The demo a newcomer gets from `npm start` (issue 9 §4.19): on top of the practice, its people and agenda
 * (what every other browser test starts from), the first weeks' conversations, documents, waiting list
 * and outbox. Every screen shows something.
 */
let server: E2eServer;
let browser: Browser;
beforeAll(async () => {
  server = await startServer();
  await seedDemoActivity(server.deps);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('a newcomer signed in as the administrator finds every console screen filled', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const { page, problems } = await newPage(context);
  await signInStaff(page, server, demoAccounts.admin, '/console/messages');
  await page.getByRole('heading', { name: 'Conversations' }).waitFor();
  const badge = page.locator('#console-nav a[href="/console/messages"] .nav-badge');
  await expect.poll(() => badge.textContent()).toBe('3');
  for (const name of [/FONTAINE Chloé/, /LEFEBVRE Zoé/, /DURAND Léa/]) {
    await page.getByRole('link', { name }).getByText('1 non lu(s)').waitFor();
  }
  for (const name of [/NÚÑEZ José/, /DURAND Paul/, /GARNIER Hélène/]) {
    await page.getByRole('link', { name }).waitFor();
  }
  // the photo Chloé sent
  await page.getByRole('link', { name: /FONTAINE Chloé/ }).click();
  await page
    .getByRole('article', { name: 'Message de Chloé Fontaine' })
    .getByRole('link', { name: /^Ouvrir gencive/ })
    .waitFor();

  await page.goto(`${server.url}/console/documents`);
  for (const title of [
    'Devis – traitement orthodontique',
    'Consentement éclairé – pose d’implant',
    'Devis – prothèse amovible complète',
  ]) {
    await page.getByRole('row', { name: new RegExp(title) }).waitFor();
  }

  await page.goto(`${server.url}/console/waitlist`);
  await page.getByRole('heading', { name: 'Liste d’attente', level: 1 }).waitFor();
  for (const name of [/LAMBERT Françoise/, /PERRIN Antoine/, /NÚÑEZ Inès/, /MERCIER Noël/]) {
    await page.getByRole('row', { name }).waitFor();
  }

  await page.goto(`${server.url}/console/outbox`);
  await page.getByRole('heading', { name: 'Messages envoyés', level: 1 }).waitFor();
  await page.getByText('Un document a été signé dans l’application').first().waitFor();
  expect(problems).toEqual([]);
  await context.close();
});

it('Léa, 14, signed in with her father’s phone, has a quote to sign and her father’s question in Messagerie', async () => {
  const context = await browser.newContext({ viewport: phoneViewport });
  await signInPatientApi(context, server, leaDurand);
  const { page, problems } = await newPage(context);
  await page.goto(`${server.url}/app/documents`);
  await page.getByRole('heading', { level: 1, name: 'Documents' }).waitFor();
  await page
    .getByRole('region', { name: /^À signer/ })
    .getByText('Devis – traitement orthodontique')
    .waitFor();
  await page.goto(`${server.url}/app/messagerie`);
  await page.getByRole('heading', { level: 1, name: 'Messagerie' }).waitFor();
  await page
    .getByRole('region', { name: 'Conversations' })
    .getByRole('link', { name: /Léa Durand/ })
    .waitFor();
  expect(problems).toEqual([]);
  await context.close();
});
