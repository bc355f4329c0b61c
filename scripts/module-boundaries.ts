import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/*
 * A server module (`src/server/modules/<name>/`) is entered only through the exports tagged `/** @public *\/`.
 * Biome checks it (decision 013) with `noRestrictedImports` patterns that this script generates from the tags
 * into `lint/module-boundaries.json`, which `biome.json` extends:
 *
 *   npx tsx scripts/module-boundaries.ts           check: the generated file matches the tags, no exception is stale
 *   npx tsx scripts/module-boundaries.ts --write   regenerate lint/module-boundaries.json from the tags
 *   npx tsx scripts/module-boundaries.ts --list    print each export entered from outside its module, and by whom
 *   npx tsx scripts/module-boundaries.ts --tag     tag every export another module (or app.ts, jobs…) imports
 *                                                  today, then regenerate — for after a merge; review the diff
 *
 * Tests (`tests/`, `*.test.ts`) may reach a module's internals and are not checked.
 */

const root = resolve(import.meta.dirname, '..');
const serverDir = join(root, 'src', 'server');
const modulesDir = join(serverDir, 'modules');
const generatedPath = join(root, 'lint', 'module-boundaries.json');

/**
 * Imports of a module's internals that should not stay: allowed for that one importing file only, until fixed.
 * Each is listed in docs/notes/issue-11-lint.md. Remove an entry when its import is gone (the check says so).
 */
const exceptions: { importer: string; from: string; names: string[]; why: string }[] = [
  {
    importer: 'src/server/modules/booking/create-booking.ts',
    from: 'scheduling/appointment-rules',
    names: ['appendHistory', 'lockAgenda', 'slotGuarded'],
    why: "Online booking writes the appointment by scheduling's internal steps (issue 11 §7): it should call one scheduling write.",
  },
  {
    importer: 'src/server/modules/booking/manage-booking.ts',
    from: 'scheduling/appointment-rules',
    names: ['lockAgenda'],
    why: "The manage-link move takes scheduling's agenda lock itself before calling updateAppointment (issue 11 §7).",
  },
  {
    importer: 'src/server/modules/waitlist/accept-offer.ts',
    from: 'scheduling/appointment-rules',
    names: ['appendHistory', 'slotGuarded'],
    why: "Accepting an offer writes the appointment by scheduling's internal steps, like online booking.",
  },
  {
    importer: 'src/server/demo/seed-demo-activity.ts',
    from: 'documents/write-signature',
    names: ['recordSignature', 'SignatureFacts', 'storeSignedPdf'],
    why: "The demo signs a document by the signing use case's internal steps and its own table update.",
  },
];

const isSource = (file: string) =>
  /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && !file.endsWith('.d.ts');
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : isSource(path) ? [path] : [];
  });
const rel = (path: string) => relative(root, path).split(sep).join('/');

/** The module a file belongs to, or undefined outside `src/server/modules/<name>/`. */
const moduleOf = (file: string): string | undefined => {
  const inside = relative(modulesDir, file).split(sep);
  return inside.length > 1 && inside[0] !== '..' ? inside[0] : undefined;
};
/** Path of a module file as Biome's patterns see it: `<module>/<file>` without extension. */
const moduleFileKey = (file: string) =>
  relative(modulesDir, file)
    .split(sep)
    .join('/')
    .replace(/\.tsx?$/, '');

const resolveImport = (importer: string, specifier: string): string | undefined => {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(importer), specifier);
  return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find(
    (candidate) => existsSync(candidate) && statSync(candidate).isFile(),
  );
};

/*
 * TypeScript 7 has no JavaScript compiler API, so files are read with patterns. They hold because Biome
 * formats every file: one top-level statement per line start, imports closed by `from '…';`.
 */
interface Declaration {
  names: string[];
  /** Offset of the `export` keyword's line. */
  lineStart: number;
  /** The JSDoc block right above, if any. */
  doc?: { start: number; end: number };
}

const declarationPattern =
  /^export\s+(?:declare\s+)?(?:(default)\b|(?:async\s+)?function\*?\s+([\w$]+)|(?:const|let|var)\s+([\w$]+)|(?:abstract\s+)?class\s+([\w$]+)|interface\s+([\w$]+)|type\s+([\w$]+)|(?:const\s+)?enum\s+([\w$]+))/gm;

/** Top-level exported declarations of a file (`export const a = …, b = …` gives only `a`: not used here). */
const declarations = (text: string): Declaration[] =>
  [...text.matchAll(declarationPattern)].map((match) => {
    const lineStart = match.index ?? 0;
    const name = match.slice(1).find((group) => group !== undefined) ?? '';
    const before = text.slice(0, lineStart).trimEnd();
    const docStart = before.lastIndexOf('/**');
    const doc =
      before.endsWith('*/') && docStart >= 0 && !before.slice(docStart, -2).includes('*/')
        ? { start: docStart, end: before.length }
        : undefined;
    return { names: [name], lineStart, doc };
  });

const isPublic = (text: string, declaration: Declaration) =>
  declaration.doc !== undefined &&
  /(^|\s|\*)@public\b/.test(text.slice(declaration.doc.start, declaration.doc.end));

interface Use {
  target: string;
  name: string;
  importer: string;
}

const importPattern = /^import\s+(?:type\s+)?([^;'"]*?)\s*from\s+'([^']+)';/gm;
const exportFromPattern = /^export\s+(?:type\s+)?(\*|\{[^}]*\})\s*from\s+'([^']+)';/gm;

/** Names an import clause takes: `default`, `*` for a namespace, or each named import. */
const clauseNames = (clause: string): string[] => {
  const names: string[] = [];
  const braces = clause.match(/\{([^}]*)\}/);
  const outside = clause.replace(/\{[^}]*\}/, '').trim();
  if (outside.startsWith('*') || clause.trim() === '*') names.push('*');
  else if (/^[\w$]+/.test(outside)) names.push('default');
  for (const part of braces?.[1]?.split(',') ?? []) {
    const name = part
      .trim()
      .replace(/^type\s+/, '')
      .split(/\s+as\s+/)[0]
      ?.trim();
    if (name) names.push(name);
  }
  return names;
};

/** Every import, from anywhere in `src/server` outside a module, of that module's files. */
const crossModuleUses = (): Use[] =>
  walk(serverDir).flatMap((importer) => {
    const text = readFileSync(importer, 'utf8');
    const found = [...text.matchAll(importPattern), ...text.matchAll(exportFromPattern)];
    return found.flatMap(([, clause = '', specifier = '']): Use[] => {
      const target = resolveImport(importer, specifier);
      const targetModule = target && moduleOf(target);
      if (!target || !targetModule || targetModule === moduleOf(importer)) return [];
      return clauseNames(clause).map((name) => ({ target, name, importer }));
    });
  });

/** The `@public` exports of every module file: `<module>/<file>` → names. */
const publicSurface = (): Map<string, string[]> => {
  const surface = new Map<string, string[]>();
  for (const file of walk(modulesDir).filter((f) => moduleOf(f))) {
    const text = readFileSync(file, 'utf8');
    const names = declarations(text).flatMap((d) => (isPublic(text, d) ? d.names : []));
    if (names.length > 0) surface.set(moduleFileKey(file), [...new Set(names)].sort());
  }
  return surface;
};

const moduleNames = () =>
  readdirSync(modulesDir)
    .filter((name) => statSync(join(modulesDir, name)).isDirectory())
    .sort();

const escapeRegex = (name: string) => name.replace(/[$]/g, '\\$');

/**
 * Biome `noRestrictedImports` patterns, one per module: an import of any of its files lets only the module's
 * public names through (`extra` adds an exception's names). Inside a module, `../<module>/<file>` is matched too.
 * One pattern per module rather than per file keeps Biome fast (a pattern per file tripled its time); the
 * check below makes sure no other file of the module exports a public name, so nothing is lost.
 */
const patterns = (surface: Map<string, string[]>, insideModule: boolean, extra: Map<string, string[]>) =>
  moduleNames().map((module) => {
    const ofModule = (map: Map<string, string[]>) =>
      [...map].filter(([key]) => key.startsWith(`${module}/`)).flatMap(([, names]) => names);
    const names = [...new Set([...ofModule(surface), ...ofModule(extra)])].sort();
    const group = insideModule ? [`**/modules/${module}/*`, `../${module}/*`] : [`**/modules/${module}/*`];
    const message = `Module ${module} is entered only through its exports tagged /** @public */. To make one public, tag it and run \`npm run lint:boundaries -- --write\` (docs/decisions/013-module-boundaries.md).`;
    return names.length > 0
      ? { group, importNamePattern: names.map(escapeRegex).join('|'), invertImportNamePattern: true, message }
      : { group, message };
  });

const override = (includes: string[], list: unknown[]) => ({
  includes,
  linter: { rules: { style: { noRestrictedImports: { level: 'error', options: { patterns: list } } } } },
});

const generate = (surface: Map<string, string[]>) => {
  const none = new Map<string, string[]>();
  const overrides = [
    override(['src/server/**', '!src/server/modules/**', '!**/*.test.ts'], patterns(surface, false, none)),
    override(['src/server/modules/**', '!**/*.test.ts'], patterns(surface, true, none)),
  ];
  const byImporter = new Map<string, typeof exceptions>();
  for (const e of exceptions) byImporter.set(e.importer, [...(byImporter.get(e.importer) ?? []), e]);
  for (const [importer, list] of [...byImporter].sort(([a], [b]) => a.localeCompare(b))) {
    const extra = new Map<string, string[]>();
    for (const e of list) extra.set(e.from, [...(extra.get(e.from) ?? []), ...e.names]);
    const inside = importer.startsWith('src/server/modules/');
    overrides.push(override([importer], patterns(surface, inside, extra)));
  }
  return {
    $schema: '../node_modules/@biomejs/biome/configuration_schema.json',
    overrides,
  };
};

const write = (config: unknown) => {
  writeFileSync(generatedPath, `${JSON.stringify(config, null, 2)}\n`);
  execFileSync(join(root, 'node_modules', '.bin', 'biome'), ['format', '--write', generatedPath], {
    cwd: root,
    stdio: 'ignore',
  });
};

/** Adds `@public` to the JSDoc of each declaration (or a new `/** @public *\/` line before it). */
const tag = (uses: Use[], surface: Map<string, string[]>) => {
  const excepted = new Set(exceptions.flatMap((e) => e.names.map((n) => `${e.importer}|${e.from}|${n}`)));
  const wanted = new Map<string, Set<string>>();
  const unsupported: string[] = [];
  for (const use of uses) {
    const key = moduleFileKey(use.target);
    if (surface.get(key)?.includes(use.name)) continue;
    if (excepted.has(`${rel(use.importer)}|${key}|${use.name}`)) continue;
    if (use.name === '*') {
      unsupported.push(`${rel(use.importer)} imports all of ${key}`);
      continue;
    }
    wanted.set(use.target, (wanted.get(use.target) ?? new Set()).add(use.name));
  }
  let tagged = 0;
  for (const [file, names] of wanted) {
    const original = readFileSync(file, 'utf8');
    const edits: { pos: number; end?: number; text: string }[] = [];
    const found = new Set<string>();
    for (const declaration of declarations(original)) {
      const exported = declaration.names.filter((n) => names.has(n));
      if (exported.length === 0 || isPublic(original, declaration)) continue;
      for (const n of exported) found.add(n);
      const { doc } = declaration;
      if (!doc) {
        edits.push({ pos: declaration.lineStart, text: '/** @public */\n' });
      } else if (original.slice(doc.start, doc.end).includes('\n')) {
        // A multi-line block: a ` * @public` line before its closing `*/` (moved to its own line if needed).
        const closeLineStart = original.lastIndexOf('\n', doc.end - 3) + 1;
        if (original.slice(closeLineStart, doc.end).trim() === '*/') {
          edits.push({ pos: closeLineStart, text: ' * @public\n' });
        } else {
          const textEnd = original.slice(0, doc.end - 2).trimEnd().length;
          edits.push({ pos: textEnd, end: doc.end, text: '\n * @public\n */' });
        }
      } else {
        // A one-line `/** Text. */`: opened so that the tag stands on its own line.
        const body = original.slice(doc.start + 3, doc.end - 2).trim();
        edits.push({ pos: doc.start, end: doc.end, text: `/**\n * ${body}\n * @public\n */` });
      }
      tagged += exported.length;
    }
    for (const n of names) if (!found.has(n)) unsupported.push(`${rel(file)}: no declaration of ${n} to tag`);
    let text = original;
    for (const edit of edits.sort((a, b) => b.pos - a.pos)) {
      text = text.slice(0, edit.pos) + edit.text + text.slice(edit.end ?? edit.pos);
    }
    writeFileSync(file, text);
  }
  return { tagged, files: wanted.size, unsupported };
};

const mode = process.argv[2] ?? '--check';
if (mode === '--tag') {
  const result = tag(crossModuleUses(), publicSurface());
  write(generate(publicSurface()));
  console.log(`tagged ${result.tagged} exports in ${result.files} files; regenerated ${rel(generatedPath)}`);
  for (const line of result.unsupported) console.log(`not tagged: ${line}`);
} else if (mode === '--list') {
  // Who enters each module, and through what: `<module>/<file> name ← importers`.
  const byExport = new Map<string, Set<string>>();
  for (const use of crossModuleUses()) {
    const key = `${moduleFileKey(use.target)} ${use.name}`;
    byExport.set(key, (byExport.get(key) ?? new Set()).add(rel(use.importer)));
  }
  for (const [key, importers] of [...byExport].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`${key} ← ${[...importers].sort().join(', ')}`);
  }
} else if (mode === '--write') {
  write(generate(publicSurface()));
  console.log(`regenerated ${rel(generatedPath)}`);
} else if (mode === '--check') {
  const surface = publicSurface();
  const problems: string[] = [];
  const current = existsSync(generatedPath) ? JSON.parse(readFileSync(generatedPath, 'utf8')) : undefined;
  if (JSON.stringify(current) !== JSON.stringify(generate(surface))) {
    problems.push(
      `${rel(generatedPath)} is out of date with the @public tags: run \`npm run lint:boundaries -- --write\``,
    );
  }
  for (const module of moduleNames()) {
    const publicNames = new Set(
      [...surface].filter(([key]) => key.startsWith(`${module}/`)).flatMap(([, names]) => names),
    );
    for (const file of walk(join(modulesDir, module))) {
      const text = readFileSync(file, 'utf8');
      for (const declaration of declarations(text)) {
        if (isPublic(text, declaration)) continue;
        for (const name of declaration.names.filter((n) => publicNames.has(n))) {
          problems.push(
            `${rel(file)} exports ${name}, a name public elsewhere in module ${module}: rename one`,
          );
        }
      }
    }
  }
  const uses = crossModuleUses();
  for (const e of exceptions) {
    for (const name of e.names) {
      const used = uses.some(
        (u) => rel(u.importer) === e.importer && moduleFileKey(u.target) === e.from && u.name === name,
      );
      if (!used || surface.get(e.from)?.includes(name)) {
        problems.push(
          `stale exception: ${e.importer} → ${e.from} ${name} (remove it from scripts/module-boundaries.ts)`,
        );
      }
    }
  }
  const count = [...surface.values()].reduce((sum, names) => sum + names.length, 0);
  for (const p of problems) console.error(p);
  console.log(
    `${count} public exports in ${surface.size} files of ${moduleNames().length} modules; ${exceptions.length} exceptions`,
  );
  process.exit(problems.length > 0 ? 1 : 0);
} else {
  console.error('usage: npx tsx scripts/module-boundaries.ts [--check | --write | --list | --tag]');
  process.exit(2);
}
