import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../src/contracts/messaging';
import { ofPracticeFr } from '../../src/domain/practice-name';
import { outbox, pushSubscriptions } from '../../src/server/db/schema';
import { drainOutbox } from '../../src/server/modules/outbox/drain-outbox';
import type { OutgoingSms } from '../../src/server/modules/outbox/transports';
import { acceptedPushEndpoint } from '../../src/server/modules/push/push-endpoint';
import { type Answer, staffClient, type TestClient } from '../support/client';
import { makeStaff } from '../support/factories';
import { makeFamily, patientClient } from '../support/patient-session';
import {
  browserKeys,
  decryptPush,
  type LocalPushService,
  startPushService,
  vapidClaims,
} from '../support/push-endpoint';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Web Push in the patient app (issue 9 §3.14): a device's subscription (stored, removed, refused for
 * others), and notices pushed to a push service on localhost, with the SMS as the fallback.
 */

let t: TestApp;
let push: LocalPushService;
const smsSent: OutgoingSms[] = [];
beforeAll(async () => {
  push = await startPushService();
  t = await createTestApp({
    transports: {
      email: null,
      sms: {
        send: async (sms) => {
          smsSent.push(sms);
          return { messageId: `sms-${smsSent.length}` };
        },
      },
    },
  });
});
afterAll(async () => {
  await t.close();
  await push.close();
});

function reply(desk: TestClient, patientId: string, body: string): Promise<Answer<Message>> {
  const boundary = `----sourire${randomBytes(8).toString('hex')}`;
  const payload = Buffer.from(
    `--${boundary}\r\ncontent-disposition: form-data; name="body"\r\n\r\n${body}\r\n--${boundary}--\r\n`,
  );
  return desk.request<Message>('POST', `/api/console/messages/threads/${patientId}`, payload, {
    'content-type': `multipart/form-data; boundary=${boundary}`,
  });
}

/** A device of the app allowing notifications: its subscription on the local push service. */
function device() {
  const keys = browserKeys();
  const path = `/push/${randomBytes(8).toString('hex')}`;
  return {
    keys,
    path,
    subscription: {
      endpoint: `${push.url}${path}`,
      expirationTime: null,
      keys: { p256dh: keys.p256dh, auth: keys.auth },
    },
  };
}

async function setup() {
  // during the day in Paris, whatever the suite's date: notices go out at once
  t.clock.advance(Date.parse('2026-12-07T10:00:00Z') - t.clock.now().getTime());
  const f = await makeFamily(t.deps.db);
  const secretary = await makeStaff(t.deps.db, f.practice.id);
  const s = {
    ...f,
    desk: await staffClient(t.app, secretary.email, secretary.password),
    paulApp: await patientClient(t.app, t.deps.db, f.identities.paul),
    joseApp: await patientClient(t.app, t.deps.db, f.identities.jose),
  };
  await drainOutbox(t.deps); // the sign-in codes
  smsSent.length = 0;
  return s;
}

const subscriptionsOf = (practiceId: string) =>
  t.deps.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.practiceId, practiceId));

const noticesOf = (practiceId: string) =>
  t.deps.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.practiceId, practiceId), eq(outbox.kind, 'message')));

describe('push subscriptions of the patient app', () => {
  it('gives the key, stores this device, forgets it; another family cannot touch it', async () => {
    const s = await setup();
    const key = await s.paulApp.get<{ publicKey: string }>('/api/patient/push/key');
    expect(key).toMatchObject({ status: 200, body: { publicKey: t.deps.config.push.publicKey } });

    const paulPhone = device();
    expect((await s.paulApp.post('/api/patient/push/subscriptions', paulPhone.subscription)).status).toBe(
      201,
    );
    // the same browser again: still one row
    expect((await s.paulApp.post('/api/patient/push/subscriptions', paulPhone.subscription)).status).toBe(
      201,
    );
    const [row, ...others] = await subscriptionsOf(s.practice.id);
    expect(others).toEqual([]);
    expect(row).toMatchObject({ phone: s.phones.paul, endpoint: paulPhone.subscription.endpoint });

    // another family's phone: 404 as for an unknown endpoint, and the subscription stays
    const refused = await s.joseApp.delete(
      `/api/patient/push/subscriptions?endpoint=${encodeURIComponent(paulPhone.subscription.endpoint)}`,
    );
    expect(refused.status).toBe(404);
    expect(await subscriptionsOf(s.practice.id)).toHaveLength(1);
    // the console is not the app; nobody signed in neither
    expect((await s.desk.get('/api/patient/push/key')).status).toBe(401);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/patient/push/subscriptions',
      payload: device().subscription,
    });
    expect(anonymous.statusCode).toBe(401);

    const removed = await s.paulApp.delete(
      `/api/patient/push/subscriptions?endpoint=${encodeURIComponent(paulPhone.subscription.endpoint)}`,
    );
    expect(removed.status).toBe(200);
    expect(await subscriptionsOf(s.practice.id)).toEqual([]);
  });

  it('refuses a malformed subscription with the fields at fault', async () => {
    const s = await setup();
    const bad = await s.paulApp.post<{ code: string; issues: { path: string }[] }>(
      '/api/patient/push/subscriptions',
      { endpoint: 'not a url', keys: { p256dh: 'abc', auth: randomBytes(16).toString('base64url') } },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.issues.map((issue) => issue.path).sort()).toEqual(['endpoint', 'keys.p256dh']);
    expect((await s.paulApp.post('/api/patient/push/subscriptions', {})).status).toBe(400);
  });

  it('outside tests, accepts only the browsers’ push services over https', () => {
    expect(acceptedPushEndpoint('https://fcm.googleapis.com/fcm/send/abc', 'production')).toBe(true);
    expect(acceptedPushEndpoint('https://updates.push.services.mozilla.com/wpush/v2/x', 'production')).toBe(
      true,
    );
    expect(acceptedPushEndpoint('https://web.push.apple.com/Q', 'production')).toBe(true);
    expect(acceptedPushEndpoint('http://fcm.googleapis.com/fcm/send/abc', 'production')).toBe(false);
    expect(acceptedPushEndpoint('https://169.254.169.254/latest', 'production')).toBe(false);
    expect(acceptedPushEndpoint('https://fcm.googleapis.com.evil.example/x', 'development')).toBe(false);
    expect(acceptedPushEndpoint('http://127.0.0.1:9/push', 'test')).toBe(true);
  });
});

describe('notices by push', () => {
  it('a practice reply is pushed, encrypted and VAPID-signed, with no content; no SMS', async () => {
    const s = await setup();
    const phone = device();
    expect((await s.paulApp.post('/api/patient/push/subscriptions', phone.subscription)).status).toBe(201);
    expect((await reply(s.desk, s.paul.id, 'Votre devis pour l’implant est prêt.')).status).toBe(201);
    await drainOutbox(t.deps);

    const arrived = push.received.filter((request) => request.path === phone.path);
    expect(arrived).toHaveLength(1);
    const [request] = arrived;
    expect(request?.headers).toMatchObject({
      ttl: '86400',
      'content-encoding': 'aes128gcm',
      urgency: 'normal',
    });
    const vapid = vapidClaims(request?.headers.authorization);
    expect(vapid.key).toBe(t.deps.config.push.publicKey);
    expect(vapid.jwt).toMatchObject({ aud: push.url, sub: t.deps.config.push.subject });
    const payload = JSON.parse(decryptPush(request?.body ?? Buffer.alloc(0), phone.keys));
    expect(payload).toEqual({
      title: s.practice.name,
      body: `Vous avez un nouveau message ${ofPracticeFr(s.practice.name)}`,
      url: `/app/messagerie/${s.paul.id}`,
      tag: `message-${s.paul.id}`,
    });
    expect(JSON.stringify(payload)).not.toContain('implant');

    const [notice] = await noticesOf(s.practice.id);
    expect(notice).toMatchObject({ status: 'sent', providerMessageId: 'web-push:1' });
    expect(notice?.pushedAt).not.toBeNull();
    expect(smsSent).toEqual([]);
  });

  it('a subscription the push service dropped (410) is deleted, and the SMS goes instead', async () => {
    const s = await setup();
    const phone = device();
    await s.paulApp.post('/api/patient/push/subscriptions', phone.subscription);
    push.answer(phone.path, 410);
    expect((await reply(s.desk, s.paul.id, 'Bonjour')).status).toBe(201);
    await drainOutbox(t.deps);

    expect(push.received.filter((request) => request.path === phone.path)).toHaveLength(1);
    expect(await subscriptionsOf(s.practice.id)).toEqual([]);
    const [notice] = await noticesOf(s.practice.id);
    expect(notice).toMatchObject({ status: 'sent', channel: 'sms', pushedAt: null });
    expect(smsSent).toEqual([
      {
        to: s.phones.paul,
        text: expect.stringContaining(`Nouveau message ${ofPracticeFr(s.practice.name)}`),
      },
    ]);
  });

  it('a push service failing (500) keeps the subscription and falls back to the SMS', async () => {
    const s = await setup();
    const phone = device();
    await s.paulApp.post('/api/patient/push/subscriptions', phone.subscription);
    push.answer(phone.path, 500);
    await reply(s.desk, s.paul.id, 'Bonjour');
    await drainOutbox(t.deps);
    expect(await subscriptionsOf(s.practice.id)).toHaveLength(1);
    expect(smsSent.map((sms) => sms.to)).toEqual([s.phones.paul]);
  });

  it('a signed-out device receives nothing: the notice goes by SMS', async () => {
    const s = await setup();
    const phone = device();
    await s.paulApp.post('/api/patient/push/subscriptions', phone.subscription);
    expect((await s.paulApp.post('/api/patient/sign-out', {})).status).toBe(200);
    await reply(s.desk, s.paul.id, 'Bonjour');
    await drainOutbox(t.deps);
    expect(push.received.filter((request) => request.path === phone.path)).toEqual([]);
    expect(smsSent.map((sms) => sms.to)).toEqual([s.phones.paul]);
  });

  it("a child's thread is pushed to the parent's device", async () => {
    const s = await setup();
    const phone = device();
    await s.paulApp.post('/api/patient/push/subscriptions', phone.subscription);
    await reply(s.desk, s.hugo.id, 'Bonjour');
    await drainOutbox(t.deps);
    const [request] = push.received.filter((one) => one.path === phone.path);
    expect(JSON.parse(decryptPush(request?.body ?? Buffer.alloc(0), phone.keys))).toMatchObject({
      url: `/app/messagerie/${s.hugo.id}`,
    });
    expect(smsSent).toEqual([]);
  });
});
