import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { patientPwa } from './scripts/vite/patient-pwa.ts';
import { precompress } from './scripts/vite/precompress.ts';

/** Area entry pages: one HTML page and one bundle per area, so the patient app loads no console code. */
const areas: Record<string, string> = {
  '/console': '/entries/console.html',
  '/app': '/entries/app.html',
  '/rdv': '/entries/rdv.html',
};

/** In development, answer deep links (/console/agenda, /app/rdv) with their area's page, like the server. */
function areaFallback(): Plugin {
  return {
    name: 'sourire-area-fallback',
    configureServer(server) {
      server.middlewares.use((request, _response, next) => {
        const path = (request.url ?? '/').split('?')[0] ?? '/';
        const prefix = Object.keys(areas).find((p) => path === p || path.startsWith(`${p}/`));
        const accept = request.headers.accept ?? '';
        if (prefix && request.method === 'GET' && accept.includes('text/html')) request.url = areas[prefix];
        next();
      });
    },
  };
}

const web = resolve(import.meta.dirname, 'src/web');

export default defineConfig({
  root: 'src/web',
  publicDir: 'public',
  plugins: [
    react(),
    areaFallback(),
    // The patient app's service worker at /app/sw.js, with the build's files to precache (offline start).
    patientPwa({
      page: 'entries/app.html',
      shell: '/app',
      worker: resolve(web, 'patient/pwa/service-worker.ts'),
      output: 'app/sw.js',
      publicFiles: [
        '/app/manifest.webmanifest',
        '/app/icons/icon-192.png',
        '/app/icons/icon-512.png',
        '/app/icons/icon-maskable-192.png',
        '/app/icons/icon-maskable-512.png',
        '/app/icons/apple-touch-icon.png',
        '/favicon.svg',
      ],
    }),
    // Last: .br and .gz copies of every text file, served as they are by the server.
    precompress(),
  ],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      input: {
        index: resolve(web, 'index.html'),
        console: resolve(web, 'entries/console.html'),
        app: resolve(web, 'entries/app.html'),
        rdv: resolve(web, 'entries/rdv.html'),
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000' },
  },
});
