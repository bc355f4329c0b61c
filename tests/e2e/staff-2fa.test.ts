import { Secret, TOTP } from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { lastMessageTo, makePractice, makeStaff, testPassword } from '../support/factories';
import { expectNoSeriousA11yViolations } from './axe';
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

/** What the authenticator app shows, `stepsLater` 30-second steps from now. */
function appCode(secret: string, stepsLater = 0): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() + stepsLater * 30_000 });
}

async function signInWithPassword(page: Page, email: string, password: string) {
  await page.goto(`${server.url}/console/`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

it('enrols an authenticator app on Mon compte, then signs in with password and code', async () => {
  const practice = await makePractice(server.deps.db);
  const member = await makeStaff(server.deps.db, practice.id, { role: 'practitioner', firstName: 'Inès' });
  const context = await browser.newContext();
  const { page } = await newPage(context);
  await signInWithPassword(page, member.email, testPassword);
  await page.getByRole('heading', { name: 'Bonjour Inès' }).waitFor();

  await page.getByRole('link', { name: 'Mon compte' }).click();
  await page.getByRole('heading', { name: 'Mon compte', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Configurer une application' }).click();
  await page
    .getByRole('img', { name: 'QR code à scanner avec votre application d’authentification' })
    .waitFor();
  const secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await expectNoSeriousA11yViolations(page);

  const twoStep = page.getByRole('region', { name: 'Connexion en deux étapes' });
  await twoStep.getByLabel('Mot de passe actuel').fill('not-the-password');
  await page.getByLabel('Code à 6 chiffres affiché par l’application').fill(appCode(secret));
  await page.getByRole('button', { name: 'Activer' }).click();
  await expect.poll(() => twoStep.getByText('Ce n’est pas votre mot de passe actuel.').count()).toBe(1);
  await twoStep.getByLabel('Mot de passe actuel').fill(testPassword);
  await page
    .getByLabel('Code à 6 chiffres affiché par l’application')
    .fill('000000' === appCode(secret) ? '111111' : '000000');
  await page.getByRole('button', { name: 'Activer' }).click();
  await expect.poll(() => page.getByRole('alert').textContent()).toContain('Code incorrect');
  await page.getByLabel('Code à 6 chiffres affiché par l’application').fill(appCode(secret));
  await page.getByRole('button', { name: 'Activer' }).click();
  const codes = page.getByRole('list', { name: 'Vos codes de secours' }).getByRole('listitem');
  await expect.poll(() => codes.count()).toBe(10);
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'J’ai conservé mes codes' }).click();
  await page.getByText('Activée : à chaque connexion').waitFor();

  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await signInWithPassword(page, member.email, testPassword);
  await page.getByRole('heading', { name: 'Vérification en deux étapes' }).waitFor();
  await expectNoSeriousA11yViolations(page);
  // the code of the confirmation is spent: the app's next code, which the server's window accepts
  await page.getByLabel('Code', { exact: true }).fill(appCode(secret, 1));
  await page.getByRole('button', { name: 'Valider' }).click();
  await page.getByRole('heading', { name: 'Bonjour Inès' }).waitFor();
  await context.close();
});

it('resets a forgotten password from the emailed link, then signs in with the new one', async () => {
  const practice = await makePractice(server.deps.db);
  const member = await makeStaff(server.deps.db, practice.id, { role: 'practitioner', firstName: 'Hugo' });
  const context = await browser.newContext();
  const { page } = await newPage(context);
  await page.goto(`${server.url}/console/`);
  await page.getByRole('button', { name: 'Mot de passe oublié ?' }).click();
  await page.getByRole('heading', { name: 'Mot de passe oublié' }).waitFor();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel('Adresse e-mail').fill(member.email);
  await page.getByRole('button', { name: 'Envoyer le lien' }).click();
  await page.getByText('Si cette adresse correspond à un compte, un e-mail vient d’être envoyé.').waitFor();

  const message = await lastMessageTo(server.deps.db, member.email);
  const link = message?.body.match(/https?:\/\/\S+\/console\/reset#\S+/)?.[0];
  expect(link).toBeDefined();
  await page.goto(link ?? '');
  await page.getByRole('heading', { name: 'Choisir un nouveau mot de passe' }).waitFor();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('my-fresh-password-2026');
  await page.getByLabel('Nouveau mot de passe, à nouveau').fill('my-fresh-password-2026');
  await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
  await page.getByText('Mot de passe enregistré. Vous pouvez vous connecter.').waitFor();
  // the token left the address bar
  expect(page.url()).toBe(`${server.url}/console/reset`);

  await page.getByRole('link', { name: 'Aller à la connexion' }).click();
  await page.getByLabel('Adresse e-mail').fill(member.email);
  await page.getByLabel('Mot de passe', { exact: true }).fill('my-fresh-password-2026');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { name: 'Bonjour Hugo' }).waitFor();
  await context.close();
});
