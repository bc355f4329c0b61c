import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const webRoot = fileURLToPath(new URL('../../../dist/web', import.meta.url));

/** The three areas of the web app, each its own HTML entry (and bundle). */
const areas = [
  { prefix: '/console', file: 'entries/console.html' },
  { prefix: '/app', file: 'entries/app.html' },
  { prefix: '/rdv', file: 'entries/rdv.html' },
] as const;

/** The patient app's service worker (built by scripts/vite/patient-pwa.ts) and the scope it controls. */
const serviceWorker = { file: '/app/sw.js', scope: '/app' } as const;

/**
 * Serves the built web app (`npm run build` → dist/web): hashed assets cached for a year, everything else
 * (HTML, the service worker, the manifest, icons) revalidated on each use, and any deep link of an area
 * (/console/agenda, /app/rdv/…) answered with the area's page. The build writes `.br` and `.gz` copies of its
 * text files, sent as they are to browsers that accept them (`preCompressed`).
 */
export async function registerWeb(app: FastifyInstance): Promise<boolean> {
  if (!existsSync(webRoot)) return false;
  await app.register(fastifyStatic, {
    root: webRoot,
    index: ['index.html'],
    redirect: false,
    wildcard: true,
    preCompressed: true,
    setHeaders: (res, path) => {
      // With preCompressed, `path` is the file sent: `…/sw.js.br` for `/app/sw.js`.
      const file = path.replace(/\.(br|gz)$/, '');
      if (file.includes('/assets/')) res.header('cache-control', 'public, max-age=31536000, immutable');
      else res.header('cache-control', 'no-cache');
      // Served from /app/ but controls /app itself too (start_url and scope of the manifest).
      if (file.endsWith(serviceWorker.file)) res.header('service-worker-allowed', serviceWorker.scope);
    },
  });
  return true;
}

/** The HTML page for a browser navigation that matched no file, or null (then a JSON 404). */
export function sendAreaPage(request: FastifyRequest, reply: FastifyReply): FastifyReply | null {
  if (request.method !== 'GET' || request.url.startsWith('/api/')) return null;
  if (!existsSync(webRoot)) return null;
  const path = request.url.split('?')[0] ?? '/';
  const area = areas.find(
    (candidate) => path === candidate.prefix || path.startsWith(`${candidate.prefix}/`),
  );
  if (!area) return null;
  return reply.header('cache-control', 'no-cache').sendFile(area.file);
}
