import type { AddressInfo } from 'node:net';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { buildApp } from '../../src/server/app';
import { type AppDeps, systemClock } from '../../src/server/context';
import type { Database } from '../../src/server/db/client';
import { seedDemo } from '../../src/server/demo/seed-demo';
import { fileStorageFromConfig } from '../../src/server/files/from-config';
import { type JobRunner, startJobRunner } from '../../src/server/jobs/runner';
import { localBus } from '../../src/server/live/live-bus';
import { chromiumPath } from '../support/global-e2e';
import { pinnedStart } from '../support/pinned-now';
import { openTestDatabase, testConfig, withTemporaryFilesDir } from '../support/test-app';

export interface E2eServer {
  url: string;
  deps: AppDeps;
  database: Database;
  close(): Promise<void>;
}

/** The real server on a random port, on an embedded database seeded with the demo practice. */
export async function startServer(): Promise<E2eServer> {
  const database = await openTestDatabase();
  await seedDemo(database.db, new Date());
  let runner: JobRunner | null = null;
  const live = localBus();
  const { config, removeFiles } = withTemporaryFilesDir(testConfig());
  const deps: AppDeps = {
    config,
    db: database.db,
    dbKind: database.kind,
    clock: systemClock,
    transports: { email: null, sms: null },
    kickOutbox: () => runner?.kick(),
    migrationState: () => database.migrationState(),
    live,
    files: fileStorageFromConfig(config.files),
  };
  const app = await buildApp(deps, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  deps.config = { ...deps.config, publicUrl: url };
  runner = startJobRunner(deps, app.log);
  return {
    url,
    deps,
    database,
    close: async () => {
      await app.close();
      await runner?.stop();
      await database.close();
      removeFiles();
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  if (pinnedStart() !== null) {
    // The pages' clock starts where the suite's (pinned) clock is now, and flows from there.
    const newContext = browser.newContext.bind(browser);
    browser.newContext = async (options) => {
      const context = await newContext(options);
      await context.clock.install({ time: Date.now() });
      return context;
    };
  }
  return browser;
}

export const phoneViewport = { width: 360, height: 740 };

/** A page that fails the test on any uncaught error or console error of the web app. */
export async function newPage(context: BrowserContext): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // A refused API call (401 before sign-in) is logged by the browser itself; the app logs nothing.
    if (message.type() === 'error' && !message.text().includes('Failed to load resource')) {
      problems.push(`console error: ${message.text()}`);
    }
  });
  return { page, problems };
}
