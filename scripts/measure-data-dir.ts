import { chmodSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { secureDataDir } from '../src/server/files/secure-data-dir';

/*
 * How long start-up's data directory pass takes: `npx tsx scripts/measure-data-dir.ts <DATA_DIR>` opens
 * every entry to group and others (the worst case: an install from before issue 10), then times the
 * repair and a second pass that only checks. Run it on a copy, never on a live server's directory.
 */
const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: npx tsx scripts/measure-data-dir.ts <DATA_DIR copy>\n');
  process.exit(1);
}
const loosen = (path: string) => {
  const info = statSync(path);
  chmodSync(path, info.isDirectory() ? 0o777 : 0o666);
  if (info.isDirectory()) for (const name of readdirSync(path)) loosen(join(path, name));
};
loosen(dir);
const repair = await secureDataDir(dir);
const checkOnly = await secureDataDir(dir);
process.stdout.write(`${JSON.stringify({ repair, checkOnly })}\n`);
