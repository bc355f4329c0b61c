import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { type AppDeps, systemClock } from '../../src/server/context';
import type { Database } from '../../src/server/db/client';
import { practices } from '../../src/server/db/schema';
import { demoWanted, isDatabaseEmpty } from '../../src/server/demo/seed-demo';
import { fileStorageFromConfig } from '../../src/server/files/from-config';
import { localBus } from '../../src/server/live/live-bus';
import { issueSetupLink } from '../../src/server/modules/setup/setup-link';
import { openTestDatabase, testConfig, withTemporaryFilesDir } from '../support/test-app';
import { expectNoSeriousA11yViolations } from './axe';
import { launchBrowser, newPage } from './support';

/** Issue 10 §4: a production install starts empty and its first administrator comes from a one-time link. */
let browser: Browser;
let database: Database;
let deps: AppDeps;
let url: string;
let close: () => Promise<void>;
beforeAll(async () => {
  database = await openTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'sourire-e2e-setup-'));
  const { config, removeFiles } = withTemporaryFilesDir(
    testConfig({ NODE_ENV: 'production', DATA_DIR: dataDir, HOST: '0.0.0.0' }),
  );
  deps = {
    config,
    db: database.db,
    dbKind: database.kind,
    clock: systemClock,
    transports: { email: null, sms: null },
    kickOutbox: () => {},
    migrationState: () => database.migrationState(),
    live: localBus(),
    files: fileStorageFromConfig(config.files),
  };
  const app = await buildApp(deps, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  deps.config = { ...deps.config, publicUrl: url };
  close = async () => {
    await app.close();
    await database.close();
    removeFiles();
    rmSync(dataDir, { recursive: true, force: true });
  };
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await close?.();
});

it('the first start of a production install links to a page that creates the practice and opens the agenda', async () => {
  // what main.ts decides on this install: no demo, a link instead
  expect(await isDatabaseEmpty(deps.db)).toBe(true);
  expect(demoWanted(deps.config, true)).toBe(false);
  const link = await issueSetupLink(deps.config.dataDir, url, systemClock.now());
  expect(link.url).toMatch(/\/console\/setup#[\w-]{43}$/);

  const context = await browser.newContext();
  const { page, problems } = await newPage(context);
  await page.goto(link.url);
  await page.getByRole('heading', { name: 'Créer votre cabinet' }).waitFor();
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel('Nom du cabinet').fill('Cabinet dentaire du Lac');
  await page.getByLabel('Pays').selectOption('CH');
  // the zone follows the country
  expect(await page.getByLabel('Fuseau horaire').inputValue()).toBe('Europe/Zurich');
  await page.getByLabel('Prénom').fill('Anne');
  await page.getByLabel('Nom', { exact: true }).fill('Keller');
  await page.getByLabel('Adresse e-mail').fill('anne.keller@cabinet-du-lac.example');
  await page.getByLabel('Mot de passe').fill('court');
  await page.getByRole('button', { name: 'Créer le cabinet et me connecter' }).click();
  // the refusal names the field, in French, and nothing is created
  await page.getByText('Le mot de passe doit contenir au moins 10 caractères.').waitFor();
  await expectNoSeriousA11yViolations(page);
  expect(await deps.db.select().from(practices)).toHaveLength(0);

  await page.getByLabel('Mot de passe').fill('une phrase assez longue');
  await page.getByRole('button', { name: 'Créer le cabinet et me connecter' }).click();
  await page.waitForURL(`${url}/console/agenda`);
  // signed in as the administrator, on the (empty) agenda
  await page.locator('.agenda-toolbar__title').waitFor();
  await expectNoSeriousA11yViolations(page);
  expect(page.url()).not.toContain('#');
  const [practice] = await deps.db.select().from(practices);
  expect(practice).toMatchObject({
    name: 'Cabinet dentaire du Lac',
    country: 'CH',
    timeZone: 'Europe/Zurich',
  });

  // the link has served: opened again (another browser), it says so
  const other = await browser.newContext();
  const second = await newPage(other);
  await second.page.goto(link.url);
  await second.page.getByText('Ce lien n’est plus valable').waitFor();
  await expectNoSeriousA11yViolations(second.page);
  await other.close();

  expect(problems).toEqual([]);
  expect(second.problems.filter((problem) => !problem.includes('410'))).toEqual([]);
  await context.close();
});
