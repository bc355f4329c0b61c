import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../../src/server/app';
import { type Config, parseEnv, toConfig } from '../../src/server/config';
import type { AppDeps, Clock } from '../../src/server/context';
import { type Database, openDatabase } from '../../src/server/db/client';
import { fileStorageFromConfig } from '../../src/server/files/from-config';
import { localBus } from '../../src/server/live/live-bus';
import type { Transports } from '../../src/server/modules/outbox/transports';
import { databaseUrlFor } from './postgres-url';

/** A clock tests move by hand: code expiry, lock after inactivity, rate-limit windows. */
export class TestClock implements Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

/** A database for one test file: a copy of the migrated embedded database, or a fresh PostgreSQL one. */
export async function openTestDatabase(): Promise<Database> {
  if (process.env.TEST_DB === 'postgres') {
    const adminUrl = process.env.DATABASE_URL ?? '';
    const name = `sourire_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('postgresTemplate')}`);
    const database = await openDatabase({
      kind: 'postgres',
      url: databaseUrlFor(adminUrl, name),
      poolSize: 20,
    });
    return {
      ...database,
      close: async () => {
        await database.close();
        await admin.query(`DROP DATABASE IF EXISTS ${name}`);
        await admin.end();
      },
    };
  }
  const dump = new Blob([readFileSync(inject('pgliteDump'))]);
  return openDatabase({ kind: 'pglite', dataDir: null, loadDataDir: dump });
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return toConfig(parseEnv({ NODE_ENV: 'test', PUBLIC_URL: 'http://sourire.test', ...overrides }), () =>
    randomBytes(32).toString('hex'),
  );
}

/**
 * A config whose stored files go to a new temporary folder (never the repository's `./data`), with a
 * function that removes the folder.
 */
export function withTemporaryFilesDir(config: Config): { config: Config; removeFiles: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'sourire-test-files-'));
  return {
    config: { ...config, files: { ...config.files, dir } },
    removeFiles: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface TestApp {
  app: FastifyInstance;
  deps: AppDeps;
  database: Database;
  clock: TestClock;
  close(): Promise<void>;
}

/** Builds the application on a test database; the outbox is drained by the test itself. */
export async function createTestApp(
  options: { transports?: Transports; config?: Record<string, string>; database?: Database } = {},
): Promise<TestApp> {
  const database = options.database ?? (await openTestDatabase());
  const clock = new TestClock();
  const live = localBus();
  const { config, removeFiles } = withTemporaryFilesDir(testConfig(options.config));
  const deps: AppDeps = {
    config,
    db: database.db,
    dbKind: database.kind,
    clock,
    transports: options.transports ?? { email: null, sms: null },
    kickOutbox: () => {},
    migrationState: () => database.migrationState(),
    live,
    files: fileStorageFromConfig(config.files),
  };
  const app = await buildApp(deps, { logger: false });
  await app.ready();
  return {
    app,
    deps,
    database,
    clock,
    close: async () => {
      await app.close();
      if (!options.database) await database.close();
      removeFiles();
    },
  };
}
