import { randomBytes, randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, migrationsFolder, openDatabase } from '../../src/server/db/client';
import { seedDemo } from '../../src/server/demo/seed-demo';
import { seedDemoActivity } from '../../src/server/demo/seed-demo-activity';
import { databaseUrlFor } from '../support/postgres-url';
import { createTestApp } from '../support/test-app';

/**
 * Migration 0016 (ADR 012) on a database that already has data: the demo practice and its first weeks
 * pass; a row that points at another practice's row stops the migration, which names it and changes
 * nothing.
 */
const before0016 = mkdtempSync(join(tmpdir(), 'sourire-migrations-0015-'));
let database: Database;
let dropDatabase = async () => {};

/** Applies the migrations of `folder` with the runtime migrator of the database's driver. */
async function migrateFrom(folder: string): Promise<void> {
  await database.migrate(folder);
}

async function rows<T>(query: string): Promise<T[]> {
  const result = await database.db.execute(sql.raw(query));
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** The messages of an error and of its causes. */
function messages(error: unknown): string {
  const parts: string[] = [];
  for (let current = error; current instanceof Error; current = current.cause) parts.push(current.message);
  return parts.join('\n');
}

beforeAll(async () => {
  cpSync(migrationsFolder, before0016, { recursive: true });
  const journalPath = join(before0016, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.filter((entry) => entry.tag < '0016');
  writeFileSync(journalPath, JSON.stringify(journal));
  if (process.env.TEST_DB === 'postgres') {
    const adminUrl = process.env.DATABASE_URL ?? '';
    const name = `sourire_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    database = await openDatabase({ kind: 'postgres', url: databaseUrlFor(adminUrl, name), poolSize: 4 });
    dropDatabase = async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.end();
    };
  } else {
    database = await openDatabase({ kind: 'pglite', dataDir: null });
  }
  await migrateFrom(before0016);
}, 120_000);
afterAll(async () => {
  await database?.close();
  await dropDatabase();
  rmSync(before0016, { recursive: true, force: true });
});

describe('migration 0016 on existing data', () => {
  let planted: { staff: string; patient: string };

  it('starts from 0015 with the demo practice and its first weeks', async () => {
    expect(await database.migrationState()).toMatchObject({ applied: 16 });
    const t = await createTestApp({ database });
    try {
      expect(await seedDemo(t.deps.db, t.deps.clock.now())).toBe(true);
      await seedDemoActivity(t.deps);
    } finally {
      await t.close();
    }
    const [count] = await rows<{ n: number }>('SELECT count(*)::int AS n FROM appointments');
    expect(Number(count?.n)).toBeGreaterThan(100);
  }, 120_000);

  it('stops on a row that points at another practice, names it, and changes nothing', async () => {
    const other = randomUUID();
    planted = { staff: randomUUID(), patient: randomUUID() };
    await database.db.execute(
      sql.raw(`INSERT INTO practices (id, slug, name) VALUES ('${other}', 'autre-cabinet', 'Autre cabinet')`),
    );
    await database.db.execute(
      sql.raw(`INSERT INTO staff (id, practice_id, email, role, first_name, last_name)
        VALUES ('${planted.staff}', '${other}', 'autre@cabinet.test', 'practitioner', 'Jean', 'Autre')`),
    );
    // a patient of the demo practice whose own practitioner works in the other practice
    await database.db.execute(
      sql.raw(`INSERT INTO patients (id, practice_id, last_name, first_name, birth_date, own_practitioner_id)
        SELECT '${planted.patient}', id, 'Croisé', 'Paul', '1970-01-01', '${planted.staff}'
        FROM practices WHERE slug <> 'autre-cabinet' LIMIT 1`),
    );

    const error = await migrateFrom(migrationsFolder).then(
      () => null,
      (failure: unknown) => failure,
    );
    expect(messages(error)).toContain(
      `tenancy: rows reference another practice's rows:\n  patients.own_practitioner_id: 1 row(s), e.g. own_practitioner_id = ${planted.staff}`,
    );
    expect(await database.migrationState()).toMatchObject({ applied: 16, expected: 17 });
    const keys = await rows("SELECT conname FROM pg_constraint WHERE conname LIKE '%\\_tenant\\_fk'");
    expect(keys).toEqual([]);
  }, 120_000);

  it('applies once the row is repaired, and keeps every row', async () => {
    const count = `SELECT (SELECT count(*) FROM appointments) + (SELECT count(*) FROM patients)
      + (SELECT count(*) FROM messages) + (SELECT count(*) FROM documents) AS n`;
    const [before] = await rows<{ n: string }>(count);
    await database.db.execute(
      sql.raw(`UPDATE patients SET own_practitioner_id = NULL WHERE id = '${planted.patient}'`),
    );
    await migrateFrom(migrationsFolder);
    expect(await database.migrationState()).toEqual({ applied: 17, expected: 17 });
    const [keys] = await rows<{ n: string }>(
      "SELECT count(*) AS n FROM pg_constraint WHERE conname LIKE '%\\_tenant\\_fk' AND convalidated",
    );
    expect(Number(keys?.n)).toBe(59);
    const [after] = await rows<{ n: string }>(count);
    expect(after?.n).toEqual(before?.n);
  }, 120_000);
});
