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
// - Notifications (issue 9 §3.14): a push from the server ({ title, body, url, tag }, no health content) is
//   shown as a notification; a click opens that page of the app, in a window of the app if one is open. On
//   sign-out the device's push subscription is forgotten, on the server (before the session ends) and in
//   the browser, so the next person on this phone receives nothing meant for the previous one.
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
const signOutPath = '/api/patient/sign-out';
/** Same path as `pushSubscriptionsUrl` in src/web/patient/push/push-api.ts. */
const pushSubscriptionsPath = '/api/patient/push/subscriptions';
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
  } else if (request.method === 'POST' && path === signOutPath) {
    event.waitUntil(caches.delete(dataCache));
    event.respondWith(forgetPushThenSignOut(request));
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

/** What the server pushes (src/server/modules/push/send-push.ts). */
interface PushNotice {
  title: string;
  body: string;
  url: string;
  tag?: string;
}

function noticeOf(data: unknown): PushNotice | null {
  if (!data || typeof data !== 'object') return null;
  const { title, body, url, tag } = data as Record<string, unknown>;
  if (typeof title !== 'string' || typeof body !== 'string' || typeof url !== 'string') return null;
  return { title, body, url, ...(typeof tag === 'string' ? { tag } : {}) };
}

sw.addEventListener('push', (event) => {
  let notice: PushNotice | null = null;
  try {
    notice = noticeOf(event.data?.json());
  } catch {
    notice = null;
  }
  if (!notice) return;
  event.waitUntil(
    sw.registration.showNotification(notice.title, {
      body: notice.body,
      icon: '/app/icons/icon-192.png',
      badge: '/app/icons/icon-192.png',
      data: { url: notice.url },
      ...(notice.tag ? { tag: notice.tag } : {}),
    }),
  );
});

sw.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const wanted = (event.notification.data as { url?: unknown } | null)?.url;
  // only a page of this app, whatever the payload says
  const target = new URL(typeof wanted === 'string' ? wanted : '/app', sw.location.origin);
  const url = target.origin === sw.location.origin && isAppPage(target.pathname) ? target.href : '/app';
  event.waitUntil(
    (async () => {
      const windows = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const open = windows.find((client) => isAppPage(new URL(client.url).pathname));
      if (!open) {
        await sw.clients.openWindow(url);
        return;
      }
      const focused = await open.focus();
      if (focused.url !== url) await focused.navigate(url);
    })(),
  );
});

/**
 * The push service renewed this browser's subscription: subscribe again with the same key if the browser
 * did not, and tell the server (the session cookie goes with the request; signed out, it answers 401 and
 * nothing is stored). The old endpoint is forgotten by the server at its first 404 or 410.
 */
sw.addEventListener('pushsubscriptionchange', (event) => {
  event.waitUntil(
    (async () => {
      const key = event.oldSubscription?.options.applicationServerKey;
      const renewed =
        event.newSubscription ??
        (key
          ? await sw.registration.pushManager
              .subscribe({ userVisibleOnly: true, applicationServerKey: key })
              .catch(() => null)
          : null);
      if (!renewed) return;
      await fetch(pushSubscriptionsPath, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(renewed.toJSON()),
      }).catch(() => undefined);
    })(),
  );
});

/**
 * Sign-out: while the session still holds, tell the server to forget this device's subscription, and
 * drop it in the browser; then sign out. Best effort: the sign-out goes ahead whatever happens (and a
 * subscription left behind is never used once its session has ended).
 */
async function forgetPushThenSignOut(request: Request): Promise<Response> {
  // never let the push service hold the sign-out: a second at most
  const subscription = await Promise.race([
    sw.registration.pushManager.getSubscription().catch(() => null),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), 1000)),
  ]);
  if (subscription) {
    const query = new URLSearchParams({ endpoint: subscription.endpoint });
    await fetch(`${pushSubscriptionsPath}?${query}`, { method: 'DELETE', credentials: 'same-origin' }).catch(
      () => undefined,
    );
    await subscription.unsubscribe().catch(() => false);
  }
  return fetch(request);
}
