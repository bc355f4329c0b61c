import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterEach, describe, expect, it } from 'vitest';
import { privateUmask, secureDataDir } from './secure-data-dir';

const modeOf = (path: string) => statSync(path).mode & 0o777;
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sourire-data-'));
  made.push(dir);
  return dir;
}

/** Every path under `dir` whose mode lets the group or others in. */
function openToOthers(dir: string): string[] {
  const found: string[] = [];
  const visit = (path: string) => {
    if ((statSync(path).mode & 0o077) !== 0) found.push(path);
    if (statSync(path).isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  visit(dir);
  return found;
}

describe('secureDataDir', () => {
  it('makes the directory 0700 and repairs files left 0666 and folders left 0777', async () => {
    const root = tempDir();
    const dir = join(root, 'data');
    mkdirSync(join(dir, 'pglite', 'pg_wal'), { recursive: true });
    writeFileSync(join(dir, 'pglite', 'pg_wal', '000000010000000000000001'), 'Dupont Marie 1984-03-02');
    writeFileSync(join(dir, 'session-secret'), 'secret');
    for (const path of [dir, join(dir, 'pglite'), join(dir, 'pglite', 'pg_wal')]) chmodSync(path, 0o777);
    chmodSync(join(dir, 'pglite', 'pg_wal', '000000010000000000000001'), 0o666);
    chmodSync(join(dir, 'session-secret'), 0o644);
    // a link is neither followed nor changed: its target lies outside the data directory
    const outside = join(root, 'outside.txt');
    writeFileSync(outside, 'not ours');
    chmodSync(outside, 0o644);
    symlinkSync(outside, join(dir, 'link'));

    const report = await secureDataDir(dir);

    expect(modeOf(dir)).toBe(0o700);
    expect(modeOf(join(dir, 'pglite'))).toBe(0o700);
    expect(modeOf(join(dir, 'pglite', 'pg_wal'))).toBe(0o700);
    expect(modeOf(join(dir, 'pglite', 'pg_wal', '000000010000000000000001'))).toBe(0o600);
    expect(modeOf(join(dir, 'session-secret'))).toBe(0o600);
    expect(modeOf(outside)).toBe(0o644);
    expect(report).toMatchObject({ directories: 3, files: 2, fixed: 5 });
    // a second pass has nothing left to fix
    expect((await secureDataDir(dir)).fixed).toBe(0);
  });

  it('creates a missing directory 0700', async () => {
    const dir = join(tempDir(), 'new', 'data');
    await secureDataDir(dir);
    expect(modeOf(dir)).toBe(0o700);
  });

  it('leaves an embedded database private after the start-up sequence (umask, repair, open, repair)', async () => {
    const dir = join(tempDir(), 'data');
    const pglite = join(dir, 'pglite');
    const listed = () => new Set(readdirSync(join(pglite, 'base'), { recursive: true }).map(String));
    const previous = process.umask(privateUmask);
    try {
      await secureDataDir(dir);
      // PGlite unpacks its initial database with mode 0666 whatever the umask: the umask is not enough
      const first = await PGlite.create({ dataDir: pglite });
      await first.close();
      expect(openToOthers(dir).length).toBeGreaterThan(900);
      await secureDataDir(dir);
      expect(openToOthers(dir)).toEqual([]);
      // what PostgreSQL itself creates later (tables, WAL) follows the umask
      const before = listed();
      const db = await PGlite.create({ dataDir: pglite });
      await db.exec(
        `create table patients (name text); insert into patients select 'Dupont' from generate_series(1, 5000); checkpoint;`,
      );
      await db.close();
      const created = [...listed()].filter((name) => !before.has(name));
      expect(created.length).toBeGreaterThan(2);
      expect(
        openToOthers(join(pglite, 'base')).filter((path) => created.some((name) => path.endsWith(name))),
      ).toEqual([]);
      expect(modeOf(dir)).toBe(0o700);
      await secureDataDir(dir);
      expect(openToOthers(dir)).toEqual([]);
    } finally {
      process.umask(previous);
    }
  }, 60_000);
});
