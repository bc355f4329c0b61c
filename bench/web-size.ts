// Prints the JavaScript each area loads before it can show anything (entry script + preloaded chunks),
// gzip-compressed, from the production build. Run `npm run build` first.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = join(import.meta.dirname, '..', 'dist', 'web');
const areas = { app: 'entries/app.html', console: 'entries/console.html', rdv: 'entries/rdv.html' };

for (const [area, page] of Object.entries(areas)) {
  const html = readFileSync(join(dist, page), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map(
    (match) => match[1] as string,
  );
  const gzipBytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, file))).length, 0);
  console.log(`${area}_initial_js_gzip_kb: ${(gzipBytes / 1024).toFixed(1)} KB (${files.length} files)`);
}
