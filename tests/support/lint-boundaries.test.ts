import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * The boundaries of decision 013 are lint rules: this proves they are on. The project's own Biome
 * configuration (biome.json and the generated lint/module-boundaries.json) is copied into a temporary
 * directory laid out like the project, with one file per rule holding violations and allowed imports;
 * Biome must report exactly the violations. Nothing is written into the working tree.
 */
const root = join(import.meta.dirname, '..', '..');
const biome = join(root, 'node_modules', '.bin', 'biome');

const fixtures: Record<string, string> = {
  // (a) a module is entered only through its @public exports
  'src/server/modules/booking/fixture.ts': `import { lockAgenda } from '../scheduling/appointment-rules';
import { loadAgendas } from '../scheduling/load-agendas';
import { hidden } from '../scheduling/not-public';
import { quote } from './same-module';
export const used = [lockAgenda, loadAgendas, hidden, quote];
`,
  'src/server/jobs/fixture.ts': `import { lockAgenda } from '../modules/scheduling/appointment-rules';
import { describeAppointment } from '../modules/notifications/appointment-notices';
export const used = [lockAgenda, describeAppointment];
`,
  // tests may reach a module's internals
  'tests/api/fixture.ts': `import { lockAgenda } from '../../src/server/modules/scheduling/appointment-rules';
export const used = [lockAgenda];
`,
  // (b) the web imports nothing from the server
  'src/web/console/fixture.ts': `import { z } from 'zod';
import { loadConfig } from '../../server/config';
import { idField } from '../../contracts/fields';
export const used = [z, loadConfig, idField];
`,
  // (c) contracts import nothing but zod and other contracts files
  'src/contracts/fixture.ts': `import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../server/errors';
import { idField } from './fields';
import { lang } from './i18n/lang';
export const used = [sql, z, AppError, idField, lang];
`,
  'src/contracts/i18n/fixture.ts': `import { formatPhone } from '../../domain/phone';
import type { AppErrorCode } from '../errors';
import { lang } from './lang';
export type Code = AppErrorCode;
export const used = [formatPhone, lang];
`,
  // (d) the domain does no I/O
  'src/domain/fixture.ts': `import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import pg from 'pg';
import { Temporal } from 'temporal-polyfill';
import { appointments } from '../server/db/schema';
import { localDate } from './time/local-date';
export const used = [randomBytes, readFileSync, writeFile, pg, Temporal, appointments, localDate];
export const secret = process.env.SECRET;
`,
};

/** `path:line rule` of every boundary diagnostic expected from the fixtures, and of nothing else. */
const expected = [
  'src/server/modules/booking/fixture.ts:1 noRestrictedImports', // not @public
  'src/server/modules/booking/fixture.ts:3 noRestrictedImports', // a file without public exports
  'src/server/jobs/fixture.ts:1 noRestrictedImports',
  'src/web/console/fixture.ts:2 noRestrictedImports',
  'src/contracts/fixture.ts:1 noRestrictedImports',
  'src/contracts/fixture.ts:3 noRestrictedImports',
  'src/contracts/i18n/fixture.ts:1 noRestrictedImports',
  'src/domain/fixture.ts:1 noRestrictedImports',
  'src/domain/fixture.ts:2 noRestrictedImports',
  'src/domain/fixture.ts:3 noRestrictedImports',
  'src/domain/fixture.ts:4 noRestrictedImports',
  'src/domain/fixture.ts:6 noRestrictedImports',
  'src/domain/fixture.ts:9 noProcessEnv',
  'src/domain/fixture.ts:9 noProcessGlobal',
];

const boundaryRules = new Set(['noRestrictedImports', 'noProcessEnv', 'noProcessGlobal']);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sourire-lint-'));
  const config = JSON.parse(readFileSync(join(root, 'biome.json'), 'utf8'));
  delete config.vcs; // the copy is not a git repository
  delete config.$schema;
  writeFileSync(join(dir, 'biome.json'), JSON.stringify(config));
  mkdirSync(join(dir, 'lint'));
  cpSync(join(root, 'lint', 'module-boundaries.json'), join(dir, 'lint', 'module-boundaries.json'));
  for (const [path, text] of Object.entries(fixtures)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('module boundaries (decision 013)', () => {
  it('reports each boundary violation, and only those', { timeout: 60_000 }, () => {
    const run = spawnSync(biome, ['lint', '--max-diagnostics=none', '--reporter=json', '.'], {
      cwd: dir,
      encoding: 'utf8',
    });
    const report = JSON.parse(run.stdout) as {
      diagnostics: { category: string; location: { path: string; start: { line: number } } }[];
    };
    const found = report.diagnostics
      .map((d) => ({ ...d, rule: d.category.split('/').at(-1) ?? '' }))
      .filter((d) => boundaryRules.has(d.rule))
      .map((d) => `${d.location.path}:${d.location.start.line} ${d.rule}`)
      .sort();
    expect(found).toEqual([...expected].sort());
    expect(run.status).not.toBe(0);
  });

  it('keeps lint/module-boundaries.json in step with the @public tags', { timeout: 60_000 }, () => {
    const output = execFileSync(join(root, 'node_modules', '.bin', 'tsx'), ['scripts/module-boundaries.ts'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(output).toMatch(/public exports in \d+ files/);
  });
});
