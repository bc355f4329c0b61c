import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const distWeb = join(import.meta.dirname, '..', '..', 'dist', 'web');

export const areaPages = {
  app: 'entries/app.html',
  console: 'entries/console.html',
  rdv: 'entries/rdv.html',
};
export type Area = keyof typeof areaPages;

export interface InitialJs {
  gzipKb: number;
  files: number;
}

/**
 * The JavaScript an area loads before it can show anything (entry script + preloaded chunks), gzip-compressed,
 * from the production build in dist/web.
 */
export function initialJs(area: Area): InitialJs {
  const html = readFileSync(join(distWeb, areaPages[area]), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map(
    (match) => match[1] as string,
  );
  const gzipBytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(distWeb, file))).length, 0);
  return { gzipKb: Math.round((gzipBytes / 1024) * 10) / 10, files: files.length };
}
