import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoPassword } from '../../src/server/demo/demo-data';
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

it('a parent signs in for a child on a phone, with the code read from the console outbox', async () => {
  const phone = await browser.newContext({ viewport: phoneViewport, isMobile: true, hasTouch: true });
  const { page, problems } = await newPage(phone);
  await page.goto(`${server.url}/app/`);
  await page.getByRole('heading', { name: 'Bienvenue' }).waitFor();

  // a wrong birth date says to check the entries, without saying which
  await page.getByLabel('Numéro de téléphone').fill('06 39 98 10 01');
  await page.getByLabel('Nom', { exact: true }).fill('DURAND');
  await page.getByLabel('Prénom').fill('lea');
  await page.getByLabel('Date de naissance').fill('04052012');
  await page.getByRole('button', { name: 'Connexion' }).click();
  await expect
    .poll(() => page.getByRole('alert').textContent())
    .toContain('Vérifiez les informations saisies');

  await page.getByLabel('Date de naissance').fill('03/05/2012');
  await page.getByRole('button', { name: 'Connexion' }).click();
  await page.getByRole('heading', { name: 'Vérification' }).waitFor();
  await page.getByText('+33 6 •• •• •• 01').waitFor();
  expect(await page.getByRole('button', { name: /Renvoyer le code dans/ }).isDisabled()).toBe(true);

  // the front desk reads the code in Console › Sent messages (no SMS provider in the demo)
  const desk = await browser.newContext();
  const { page: console } = await newPage(desk);
  await console.goto(`${server.url}/console/`);
  await console.getByLabel('Adresse e-mail').fill('claire.martin@cabinet-tilleuls.example');
  await console.getByLabel('Mot de passe').fill(demoPassword);
  await console.getByRole('button', { name: 'Se connecter' }).click();
  await console.getByRole('link', { name: 'Messages envoyés' }).click();
  const row = console.getByRole('row', { name: /\+33639981001/ }).first();
  await expect.poll(() => row.textContent(), { timeout: 10_000 }).toMatch(/Sans fournisseur/);
  const code = (await row.textContent())?.match(/\b(\d{6})\b/)?.[1] ?? '';
  expect(code).toMatch(/^\d{6}$/);
  await desk.close();

  const codeField = page.getByLabel('Code reçu par SMS');
  expect(await codeField.getAttribute('autocomplete')).toBe('one-time-code');
  await codeField.fill(code);
  await page.getByRole('button', { name: 'Valider' }).click();
  await page.getByRole('heading', { name: 'Bonjour Léa' }).waitFor();
  const family = await page.getByRole('region', { name: 'Patients de ce téléphone' }).textContent();
  expect(family).toContain('Paul Durand');
  expect(family).toContain('Hugo Durand');
  expect(family).not.toContain('Marie');

  // nothing is wider than the phone
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(phoneViewport.width);

  // still signed in after a reload
  await page.reload();
  await page.getByRole('heading', { name: 'Bonjour Léa' }).waitFor();
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.getByRole('heading', { name: 'Bienvenue' }).waitFor();
  expect(problems).toEqual([]);
  await phone.close();
});
