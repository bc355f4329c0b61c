import { existsSync } from 'node:fs';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import pgliteSetup from './global-pglite';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Browser tests need the system Chromium (never a downloaded one) and the built web app. */
export default async function setup(project: TestProject) {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Browser tests need Chromium at ${chromiumPath}: install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  // the build people run (npm start): under vitest NODE_ENV is "test", which would give React's slower
  // development build and leave it in dist/web for the next `npm start` or `bench:web`
  const testEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: 'vite.config.ts', logLevel: 'warn', mode: 'production' });
  } finally {
    process.env.NODE_ENV = testEnv;
  }
  await pgliteSetup(project);
}
