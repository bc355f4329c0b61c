// `npm start`, first step: builds the web app only when its sources changed since the last build (the
// server starts next, from package.json). The sources' fingerprint (paths, sizes and modification times of src/web, src/contracts, the
// Vite config and scripts, the lock file) is kept next to the build in dist/web/.sources.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const inputs = [
  'src/web',
  'src/contracts',
  'src/domain',
  'scripts/vite',
  'vite.config.ts',
  'package-lock.json',
];
const stampFile = 'dist/web/.sources';

function walk(path, hash) {
  if (!existsSync(path)) return;
  const info = statSync(path);
  if (info.isDirectory()) {
    for (const name of readdirSync(path).sort()) walk(join(path, name), hash);
  } else {
    hash.update(`${path}\0${info.size}\0${info.mtimeMs}\n`);
  }
}

const hash = createHash('sha256');
for (const input of inputs) walk(input, hash);
const fingerprint = hash.digest('hex');
const built = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : null;

if (built !== fingerprint || !existsSync('dist/web/entries/app.html')) {
  process.stdout.write('Building the web app (its sources changed since the last build)…\n');
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  writeFileSync(stampFile, `${fingerprint}\n`);
} else {
  process.stdout.write('The web app is up to date (no source changed since the last build).\n');
}
