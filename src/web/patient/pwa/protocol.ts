/**
 * How the patient app's service worker (service-worker.ts, built to /app/sw.js) talks to the page.
 *
 * An answer to GET /api/patient/me, /api/patient/home or /api/patient/appointments* that the worker served
 * from its cache because the network failed carries the header `x-sourire-offline: 1` (`offlineHeader` of
 * src/web/shared/api.ts, repeated in the worker, which imports nothing); its `Date` header says when the
 * server sent it. Screens show such data read-only: `useOfflineReadOnly()` (offline.ts) says when, and
 * `<OfflineBanner />` (offline-banner.tsx) is the notice to put above them.
 */
export const serviceWorkerUrl = '/app/sw.js';
/** Wider than the worker's folder (/app/): the server answers the worker with `Service-Worker-Allowed: /app`. */
export const serviceWorkerScope = '/app';
