import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { practices } from '../../src/server/db/schema';
import { demoPassword } from '../../src/server/demo/demo-data';
import { enqueueMessage } from '../../src/server/modules/outbox/enqueue-message';
import { demoPracticeRow } from './demo';
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

it('a staff member signs in, is locked after inactivity, and unlocks on the same page', async () => {
  const context = await browser.newContext();
  const { page, problems } = await newPage(context);
  await page.goto(`${server.url}/console/`);
  await page.getByLabel('Adresse e-mail').fill('claire.martin@cabinet-tilleuls.example');
  await page.getByLabel('Mot de passe').fill('wrong password');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect.poll(() => page.getByRole('alert').textContent()).toContain('Identifiants incorrects');

  await page.getByLabel('Mot de passe').fill(demoPassword);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { name: 'Bonjour Claire' }).waitFor();
  // the practice named once ("du Cabinet dentaire…", never "de Cabinet…" nor "du cabinet Cabinet…")
  await page.getByText('Bienvenue dans la console du Cabinet dentaire des Tilleuls.').waitFor();

  // an appointment confirmation in the outbox, as booking one would queue it
  const practice = await demoPracticeRow(server.deps.db);
  await enqueueMessage(
    server.deps.db,
    {
      practiceId: practice.id,
      channel: 'sms',
      recipient: '+33639981001',
      kind: 'appointment_confirmation',
      body: 'Votre rendez-vous est confirmé.',
    },
    new Date(),
  );
  await page.getByRole('link', { name: 'Messages envoyés' }).click();
  await page.getByRole('heading', { name: 'Messages envoyés' }).waitFor();
  expect(page.url()).toBe(`${server.url}/console/outbox`);
  // kinds said in words, never as keys
  await page
    .getByText(/Confirmation de rendez-vous/)
    .first()
    .waitFor();
  expect(await page.locator('main').textContent()).not.toMatch(/appointment_[a-z_]+|_code\b/);

  // shorten the practice's delay, then reload so the console picks it up, and stay still
  await server.deps.db
    .update(practices)
    .set({ autoLockSeconds: 3 })
    .where(eq(practices.slug, 'cabinet-des-tilleuls'));
  await page.reload();
  await page.getByRole('heading', { name: 'Messages envoyés' }).waitFor();
  const lock = page.getByRole('dialog', { name: 'Session verrouillée' });
  await lock.waitFor({ timeout: 10_000 });
  // the page underneath is out of reach while locked
  expect(await page.getByRole('link', { name: 'Messages envoyés' }).count()).toBe(0);
  const serverSide = await context.request.get(`${server.url}/api/console/outbox`);
  expect(serverSide.status()).toBe(401);

  await lock.getByLabel('Mot de passe').fill('not my password');
  await lock.getByRole('button', { name: 'Déverrouiller' }).click();
  await expect.poll(() => lock.getByRole('alert').textContent()).toContain('Identifiants incorrects');
  await server.deps.db
    .update(practices)
    .set({ autoLockSeconds: 900 })
    .where(eq(practices.slug, 'cabinet-des-tilleuls'));
  // a page opened while locked (a link, a tab restored) has its data refused under the lock…
  const refused = page.waitForResponse(
    (response) => response.url().endsWith('/api/console/staff') && response.status() === 401,
  );
  await page.goto(`${server.url}/console/staff`);
  await lock.waitFor();
  await refused;
  await lock.getByLabel('Mot de passe').fill(demoPassword);
  await lock.getByRole('button', { name: 'Déverrouiller' }).click();
  await lock.waitFor({ state: 'detached' });
  expect(page.url()).toBe(`${server.url}/console/staff`);
  // …and shows it by itself once unlocked (the staff list reads once: no polling hides a failure)
  await page.getByRole('main').getByText('nadia.lefevre@cabinet-tilleuls.example').waitFor();
  expect(await page.getByRole('main').getByRole('alert').count()).toBe(0);
  expect(problems).toEqual([]);
  await context.close();
});

it('the console switches to English and back', async () => {
  const context = await browser.newContext();
  const { page, problems } = await newPage(context);
  await page.goto(`${server.url}/console/`);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'Sign in to the console' }).waitFor();
  await page.getByLabel('Email address').fill('nadia.lefevre@cabinet-tilleuls.example');
  await page.getByLabel('Password').fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // the front desk lands on the agenda (issue 9 §2.12); the home greets her in her language
  await page.waitForURL(`${server.url}/console/agenda`);
  await page.getByRole('button', { name: 'Day', exact: true }).waitFor();
  await page.goto(`${server.url}/console/`);
  await page.getByRole('heading', { name: 'Hello Nadia' }).waitFor();
  // a secretary has no admin entries
  expect(await page.getByRole('link', { name: 'Sent messages' }).count()).toBe(0);
  await page.getByRole('button', { name: 'Français' }).click();
  await page.getByRole('heading', { name: 'Bonjour Nadia' }).waitFor();
  expect(problems).toEqual([]);
  await context.close();
});
