import { api } from '../../shared/api';
import { serviceWorkerScope } from '../pwa/protocol';

/** The server's routes (src/server/modules/push/routes.ts); the service worker repeats the second. */
export const pushKeyUrl = '/api/patient/push/key';
export const pushSubscriptionsUrl = '/api/patient/push/subscriptions';

/**
 * Where this device stands with notifications: `unsupported` (no Web Push here: an old browser, or an
 * iPhone where the app is not installed on the home screen), `denied` (the person or the browser said
 * no; only the browser's settings can change it), `off` (may be asked), `on` (subscribed).
 */
export type PushState = 'unsupported' | 'denied' | 'off' | 'on';

export function pushSupported(): boolean {
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

/** The app's service worker, or null when there is none (the dev server) within a few seconds. */
async function appWorker(): Promise<ServiceWorkerRegistration | null> {
  const registration = await navigator.serviceWorker.getRegistration(serviceWorkerScope);
  if (registration?.active) return registration;
  const timeout = new Promise<null>((resolve) => window.setTimeout(() => resolve(null), 10_000));
  return Promise.race([navigator.serviceWorker.ready, timeout]);
}

async function currentSubscription(): Promise<PushSubscription | null> {
  const registration = await appWorker();
  return registration ? registration.pushManager.getSubscription() : null;
}

/** Sends the browser's subscription to the server (again: it replaces its row, so it is safe to repeat). */
async function store(subscription: PushSubscription): Promise<void> {
  await api.post(pushSubscriptionsUrl, subscription.toJSON());
}

/**
 * The state on opening the page. A subscription the browser holds is sent to the server again, so a
 * device signed in anew keeps its notices (the server ties a subscription to the session).
 */
export async function readPushState(): Promise<PushState> {
  if (!pushSupported()) return 'unsupported';
  if (Notification.permission === 'denied') return 'denied';
  if (Notification.permission !== 'granted') return 'off';
  const subscription = await currentSubscription();
  if (!subscription) return 'off';
  await store(subscription).catch(() => undefined);
  return 'on';
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/**
 * Turns notifications on: asks the browser's permission (call it from the person's click only, as
 * browsers require), subscribes with the server's key, and stores the subscription on the server.
 */
export async function enablePush(): Promise<PushState> {
  if (!pushSupported()) return 'unsupported';
  const permission = await Notification.requestPermission();
  if (permission === 'denied') return 'denied';
  if (permission !== 'granted') return 'off';
  const registration = await appWorker();
  if (!registration) throw new Error('no service worker');
  const { publicKey } = await api.get<{ publicKey: string }>(pushKeyUrl);
  const subscription =
    (await registration.pushManager.getSubscription()) ??
    (await registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: keyBytes(publicKey),
    }));
  await store(subscription);
  return 'on';
}

/** Turns notifications off on this device: forgotten by the server, then by the browser. */
export async function disablePush(): Promise<PushState> {
  const subscription = await currentSubscription();
  if (subscription) {
    const query = new URLSearchParams({ endpoint: subscription.endpoint });
    await api.delete(`${pushSubscriptionsUrl}?${query}`).catch(() => undefined);
    await subscription.unsubscribe();
  }
  return 'off';
}
