import { and, eq, gte } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ofPracticeFr } from '../../src/domain/practice-name';
import { outbox, practices, pushSubscriptions, sessions } from '../../src/server/db/schema';
import {
  browserKeys,
  decryptPush,
  type LocalPushService,
  startPushService,
  vapidClaims,
} from '../support/push-endpoint';
import {
  demoAccounts,
  demoPatient,
  demoPracticeRow,
  paulDurand,
  signInPatientApi,
  signInStaffApi,
} from './demo';
import { type E2eServer, launchBrowser, newPage, phoneViewport, startServer } from './support';

let server: E2eServer;
let browser: Browser;
let pushService: LocalPushService;
beforeAll(async () => {
  pushService = await startPushService();
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await pushService?.close();
});

/**
 * A fixed-offset zone where the current instant is around midday, so the notice is never held back for
 * the night whatever hour the suite runs at (the quiet hours have their own API and property tests).
 */
function middayZone(now: Date): string {
  const offset = 12 - now.getUTCHours();
  return offset === 0 ? 'UTC' : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

it('a practice reply reaches the patient: notifications allowed in the app, the reply pushed to the device', async () => {
  const practice = await demoPracticeRow(server.deps.db);
  await server.deps.db
    .update(practices)
    .set({ timeZone: middayZone(new Date()) })
    .where(eq(practices.id, practice.id));
  const paul = await demoPatient(server.deps.db, 'Durand', 'Paul');

  // Headless Chromium has no push service to subscribe with (no Google services here), so the page's
  // PushManager is replaced by one whose subscription points to the test's push service on localhost,
  // with keys the test holds: everything else is real (the permission granted to the context, the
  // click, the key from the server, the subscription sent to the server, the push, its encryption).
  const keys = browserKeys();
  const endpoint = `${pushService.url}/push/paul-phone`;
  const context = await browser.newContext({
    viewport: phoneViewport,
    isMobile: true,
    hasTouch: true,
    permissions: ['notifications'],
  });
  await context.addInitScript(
    ({ endpoint, p256dh, auth }) => {
      let current: PushSubscription | null = null;
      const fake = {
        endpoint,
        expirationTime: null,
        options: { userVisibleOnly: true, applicationServerKey: null },
        getKey: () => null,
        toJSON: () => ({ endpoint, expirationTime: null, keys: { p256dh, auth } }),
        unsubscribe: async () => {
          current = null;
          return true;
        },
      } as unknown as PushSubscription;
      PushManager.prototype.subscribe = async (options?: PushSubscriptionOptionsInit) => {
        const key = new Uint8Array(options?.applicationServerKey as ArrayBuffer);
        (window as unknown as { subscribedWith: unknown }).subscribedWith = {
          userVisibleOnly: options?.userVisibleOnly,
          key: btoa(String.fromCharCode(...key))
            .replace(/\+/g, '-')
            .replace(/\//g, '_')
            .replace(/=+$/, ''),
        };
        current = fake;
        return fake;
      };
      PushManager.prototype.getSubscription = async () => current;
    },
    { endpoint, p256dh: keys.p256dh, auth: keys.auth },
  );
  await signInPatientApi(context, server, paulDurand);
  const { page, problems } = await newPage(context);
  page.setDefaultTimeout(20_000);
  await page.goto(`${server.url}/app/rappels`);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 20_000,
  });

  const settings = page.getByRole('region', { name: 'Notifications sur cet appareil' });
  await settings.getByText('jamais le contenu', { exact: false }).waitFor();
  await settings.getByRole('button', { name: 'Activer les notifications' }).click();
  await settings.getByText('Les notifications sont activées sur cet appareil.').waitFor();
  expect(
    await page.evaluate(() => (window as unknown as { subscribedWith: unknown }).subscribedWith),
  ).toEqual({
    userVisibleOnly: true,
    key: server.deps.config.push.publicKey,
  });
  const stored = await server.deps.db
    .select()
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.endpoint, endpoint));
  expect(stored).toMatchObject([{ phone: paulDurand.e164, p256dh: keys.p256dh, auth: keys.auth }]);

  // Paul has read his thread (the demo may hold earlier replies: a notice goes once per unread stretch)
  const read = await context.request.post(`${server.url}/api/patient/messages/threads/${paul.id}/read`);
  expect(read.status()).toBe(200);
  const replyTime = new Date();
  // the secretary answers Paul (through the API, as the console does)
  const desk = await browser.newContext();
  await signInStaffApi(desk, server, demoAccounts.secretary);
  const sent = await desk.request.post(`${server.url}/api/console/messages/threads/${paul.id}`, {
    multipart: { body: 'Votre prothèse est arrivée, appelez-nous pour le rendez-vous.' },
  });
  expect(sent.status(), await sent.text()).toBe(201);

  // the job runner drains the outbox: the notice is pushed to the device, not sent by SMS
  await expect
    .poll(() => pushService.received.filter((request) => request.path === '/push/paul-phone').length, {
      timeout: 20_000,
    })
    .toBe(1);
  const [request] = pushService.received;
  expect(vapidClaims(request?.headers.authorization).key).toBe(server.deps.config.push.publicKey);
  expect(JSON.parse(decryptPush(request?.body ?? Buffer.alloc(0), keys))).toEqual({
    title: practice.name,
    body: `Vous avez un nouveau message ${ofPracticeFr(practice.name)}`,
    url: `/app/messagerie/${paul.id}`,
    tag: `message-${paul.id}`,
  });
  await expect
    .poll(async () => {
      const rows = await server.deps.db
        .select({ status: outbox.status, pushedAt: outbox.pushedAt })
        .from(outbox)
        .where(
          and(eq(outbox.patientId, paul.id), eq(outbox.kind, 'message'), gte(outbox.createdAt, replyTime)),
        );
      return rows.map((row) => `${row.status} ${row.pushedAt ? 'pushed' : 'not pushed'}`);
    })
    .toEqual(['sent pushed']);

  // what the device does with a push: the service worker shows it (here handed over through the
  // DevTools protocol, as the push service would), with the thread to open on click
  const cdp = await context.newCDPSession(page);
  const registrationId = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const ours = registrations.find((registration) => registration.scopeURL.endsWith('/app'));
      if (ours) resolve(ours.registrationId);
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.deliverPushMessage', {
    origin: server.url,
    registrationId: await registrationId,
    data: decryptPush(request?.body ?? Buffer.alloc(0), keys),
  });
  await expect
    .poll(() =>
      page.evaluate(async () =>
        (await (await navigator.serviceWorker.ready).getNotifications()).map((shown) => ({
          title: shown.title,
          body: shown.body,
          data: shown.data,
        })),
      ),
    )
    .toEqual([
      {
        title: practice.name,
        body: `Vous avez un nouveau message ${ofPracticeFr(practice.name)}`,
        data: { url: `/app/messagerie/${paul.id}` },
      },
    ]);
  await cdp.detach();

  // turning notifications off forgets the device on the server
  await settings.getByRole('button', { name: 'Désactiver les notifications' }).click();
  await settings.getByRole('button', { name: 'Activer les notifications' }).waitFor();
  expect(
    await server.deps.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.endpoint, endpoint)),
  ).toEqual([]);

  // on again, then Paul signs out (through the service worker, which forgets the browser's own
  // subscription first): the session ends, and a device whose session ended is never pushed to
  await settings.getByRole('button', { name: 'Activer les notifications' }).click();
  await settings.getByText('Les notifications sont activées sur cet appareil.').waitFor();
  await page.goto(`${server.url}/app`);
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.getByRole('heading', { name: 'Bienvenue' }).waitFor();
  const [left] = await server.deps.db
    .select({ revokedAt: sessions.revokedAt })
    .from(pushSubscriptions)
    .innerJoin(sessions, eq(sessions.id, pushSubscriptions.sessionId))
    .where(eq(pushSubscriptions.endpoint, endpoint));
  expect(left?.revokedAt).not.toBeNull();
  expect(problems).toEqual([]);
  await desk.close();
  await context.close();
});
