import { randomBytes } from 'node:crypto';
import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documents, messageTemplates } from '../../src/server/db/schema';
import { newFileKey } from '../../src/server/files/file-key';
import { housekeeping } from '../../src/server/jobs/housekeeping';
import { fileKeyColumns, orphanGraceMs, sweepFiles } from '../../src/server/jobs/sweep-files';
import { makePatient, makePractice } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

/** Issue 10 §5: half-written uploads and files no row refers to are swept, and nothing else is. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const hour = 3_600_000;
const root = () => t.deps.config.files.dir;
const pathOf = (key: string) => join(root(), key.slice(-4, -2), key.slice(-2), key);

/** Stores a file and dates its last write `ageMs` before the test clock's now. */
async function storeAged(ageMs: number): Promise<string> {
  const key = newFileKey();
  await t.deps.files.put(key, randomBytes(200));
  const when = new Date(t.clock.now().getTime() - ageMs);
  await utimes(pathOf(key), when, when);
  return key;
}

async function partAged(ageMs: number): Promise<string> {
  const dir = join(root(), 'tmp');
  await mkdir(dir, { recursive: true });
  const name = `${newFileKey()}.${randomBytes(6).toString('hex')}.part`;
  await writeFile(join(dir, name), randomBytes(100));
  const when = new Date(t.clock.now().getTime() - ageMs);
  await utimes(join(dir, name), when, when);
  return name;
}

async function referenceByDocument(key: string): Promise<void> {
  const practice = await makePractice(t.deps.db);
  const patient = await makePatient(t.deps.db, practice.id);
  await t.deps.db.insert(documents).values({
    practiceId: practice.id,
    patientId: patient.id,
    type: 'quote',
    title: 'Devis',
    fileKey: key,
    contentType: 'application/pdf',
    size: 200,
    sha256: '0'.repeat(64),
  });
}

async function referenceByTemplate(key: string): Promise<void> {
  const practice = await makePractice(t.deps.db);
  await t.deps.db.insert(messageTemplates).values({
    practiceId: practice.id,
    title: `Modèle ${key.slice(0, 8)}`,
    body: 'Bonjour',
    attachmentFileKey: key,
    attachmentName: 'plan.pdf',
    attachmentContentType: 'application/pdf',
    attachmentSize: 200,
    attachmentSha256: '0'.repeat(64),
  });
}

describe('the file sweep', () => {
  it('removes old orphans and old half-written uploads, and nothing referenced or recent', async () => {
    const oldOrphan = await storeAged(orphanGraceMs + hour);
    const youngOrphan = await storeAged(orphanGraceMs - hour);
    const oldDocument = await storeAged(30 * 24 * hour);
    const oldTemplateFile = await storeAged(30 * 24 * hour);
    await referenceByDocument(oldDocument);
    await referenceByTemplate(oldTemplateFile);
    const oldPart = await partAged(2 * hour);
    const youngPart = await partAged(10 * 60_000);

    const result = await sweepFiles(t.deps);

    expect(await t.deps.files.exists(oldOrphan)).toBe(false);
    expect(await t.deps.files.exists(youngOrphan)).toBe(true);
    expect(await t.deps.files.exists(oldDocument)).toBe(true);
    expect(await t.deps.files.exists(oldTemplateFile)).toBe(true);
    const parts = await readdir(join(root(), 'tmp'));
    expect(parts).not.toContain(oldPart);
    expect(parts).toContain(youngPart);
    expect(result).toMatchObject({ temporaryRemoved: 1, orphansRemoved: 1 });

    // a day later the young orphan is past its grace period too; the referenced files stay
    t.clock.advance(2 * hour);
    expect((await sweepFiles(t.deps)).orphansRemoved).toBe(1);
    expect(await t.deps.files.exists(youngOrphan)).toBe(false);
    expect(await t.deps.files.exists(oldDocument)).toBe(true);
    expect(await t.deps.files.exists(oldTemplateFile)).toBe(true);
  });

  it('checks references across batches (many files, small batches)', async () => {
    const referenced: string[] = [];
    const orphans: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      const key = await storeAged(orphanGraceMs * 2);
      if (i % 3 === 0) {
        await referenceByDocument(key);
        referenced.push(key);
      } else {
        orphans.push(key);
      }
    }
    const result = await sweepFiles(t.deps, { batchSize: 5 });
    expect(result.orphansRemoved).toBe(orphans.length);
    for (const key of referenced) expect(await t.deps.files.exists(key)).toBe(true);
    for (const key of orphans) expect(await t.deps.files.exists(key)).toBe(false);
  });

  it('runs with the hourly housekeeping', async () => {
    const orphan = await storeAged(orphanGraceMs + hour);
    const part = await partAged(2 * hour);
    await housekeeping(t.deps);
    expect(await t.deps.files.exists(orphan)).toBe(false);
    expect(await readdir(join(root(), 'tmp'))).not.toContain(part);
  });

  it('knows every column that holds a stored file’s key', async () => {
    const result = await t.deps.db.execute(
      sql`select table_name, column_name from information_schema.columns
          where table_schema = 'public' and column_name like '%file_key%' order by 1, 2`,
    );
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
      table_name: string;
      column_name: string;
    }[];
    const inSchema = rows.map((row) => `${row.table_name}.${row.column_name}`);
    const snake = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
    const known = fileKeyColumns.map(({ table, column }) => `${table}.${snake(column.name)}`).sort();
    expect(inSchema.length).toBeGreaterThanOrEqual(4);
    expect(known).toEqual(inSchema);
  });
});
