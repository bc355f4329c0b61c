// The patient app's service worker, scope /app. Built on its own by scripts/vite/patient-pwa.ts into
// dist/web/app/sw.js, with the build's precache list in place of `__SOURIRE_PWA_BUILD__`; it must not import
// anything at run time (type imports only).
//
// - App shell, cache first: the /app page, its JS and CSS (lazy chunks included), manifest and icons are
//   stored at install; every navigation inside /app is answered with the stored page, so the app starts
//   without network. A new build is a new worker: it takes over at once (skipWaiting + clients.claim) and the
//   next load runs the new version. The previous version's files are kept one more round for pages still
//   running it (their lazy chunks), older ones are deleted.
// - Patient data, network first: GET /api/patient/me, /api/patient/home and /api/patient/appointments*. Each
//   good answer is stored; when the network fails (or a gateway answers 502/503/504) the stored copy is served
//   with `x-sourire-offline: 1` so the page can show it read-only (src/web/patient/pwa/protocol.ts).
// - Nothing else is stored, no other API call is intercepted, and /console and /rdv pages are out of scope.
// - Privacy: the stored patient data stay on the device only while signed in: they are deleted on sign-out
//   (even offline), on a sign-in and on any 401 (session expired or device revoked).
import type { PwaBuild, SwGlobalScope } from './sw-types';

declare const __SOURIRE_PWA_BUILD__: PwaBuild;
const build = __SOURIRE_PWA_BUILD__;
const sw = self as unknown as SwGlobalScope;

/** Same value as `offlineHeader` in protocol.ts. */
const offlineHeader = 'x-sourire-offline';
const shellPrefix = 'sourire-app-shell-';
const shellCache = `${shellPrefix}${build.version}`;
const dataCache = 'sourire-app-data';
const precached = new Set(build.urls);
const lookup: CacheQueryOptions = { ignoreVary: true };

const patientData = [
  /^\/api\/patient\/me$/,
  /^\/api\/patient\/home$/,
  /^\/api\/patient\/appointments(\/.*)?$/,
];
/** Calls after which the stored data may belong to someone else. */
const identityChanges = new Set(['/api/patient/sign-in/verify', '/api/patient/sign-out']);
const gatewayDown = new Set([502, 503, 504]);

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(shellCache);
      // `reload`: take the files from the server, not from the HTTP cache of a previous version.
      await cache.addAll(build.urls.map((url) => new Request(url, { cache: 'reload' })));
      await sw.skipWaiting();
    })(),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // CacheStorage lists caches in creation order: keep the newest previous shell, delete the rest.
      const previous = (await caches.keys()).filter(
        (name) => name.startsWith(shellPrefix) && name !== shellCache,
      );
      await Promise.all(previous.slice(0, -1).map((name) => caches.delete(name)));
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin) return;
  const path = url.pathname;
  if (request.method === 'GET' && patientData.some((pattern) => pattern.test(path))) {
    event.respondWith(networkFirst(request));
  } else if (request.method === 'POST' && identityChanges.has(path)) {
    // The request itself goes to the network as usual.
    event.waitUntil(caches.delete(dataCache));
  } else if (request.method === 'GET' && request.mode === 'navigate' && isAppPage(path)) {
    event.respondWith(appShell(request));
  } else if (request.method === 'GET' && url.search === '' && (precached.has(path) || isBuiltAsset(path))) {
    event.respondWith(precachedFile(request));
  }
});

/** A page of the app (/app, /app/rdv/…), not one of its files (/app/sw.js, /app/icons/…). */
function isAppPage(path: string): boolean {
  if (path !== '/app' && !path.startsWith('/app/')) return false;
  return !(path.split('/').pop() ?? '').includes('.');
}

/** A hashed file of a build: a page still running the previous version may ask for one of its own. */
function isBuiltAsset(path: string): boolean {
  return path.startsWith('/assets/');
}

async function appShell(request: Request): Promise<Response> {
  const cached = await (await caches.open(shellCache)).match(build.shell, lookup);
  return cached ?? fetch(request);
}

async function precachedFile(request: Request): Promise<Response> {
  // Any version's cache: the previous version's files are kept for pages still running it.
  return (await caches.match(request, lookup)) ?? fetch(request);
}

async function networkFirst(request: Request): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(request);
  } catch (error) {
    const stored = await storedCopy(request);
    if (stored) return stored;
    throw error;
  }
  if (response.ok) {
    // Best effort: an answer the cache refuses (`Vary: *`) is still given to the page.
    await (await caches.open(dataCache)).put(request, response.clone()).catch(() => undefined);
  } else if (response.status === 401) {
    await caches.delete(dataCache);
  } else if (gatewayDown.has(response.status)) {
    return (await storedCopy(request)) ?? response;
  }
  return response;
}

async function storedCopy(request: Request): Promise<Response | null> {
  const stored = await (await caches.open(dataCache)).match(request, lookup);
  if (!stored) return null;
  const headers = new Headers(stored.headers);
  headers.set(offlineHeader, '1');
  return new Response(stored.body, { status: stored.status, statusText: stored.statusText, headers });
}
