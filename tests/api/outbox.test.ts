import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv, toConfig } from '../../src/server/config';
import type { Database } from '../../src/server/db/client';
import { auditLog, outbox } from '../../src/server/db/schema';
import { demoSlug } from '../../src/server/demo/demo-data';
import { secureLinkCodeSms, signatureCodeSms } from '../../src/server/messages/document-templates';
import { signInCodeSms } from '../../src/server/messages/templates';
import { drainOutbox } from '../../src/server/modules/outbox/drain-outbox';
import { enqueueMessage } from '../../src/server/modules/outbox/enqueue-message';
import { createTransports } from '../../src/server/modules/outbox/transports';
import { TestClient } from '../support/client';
import { makePatient, makePractice, makeStaff, testPassword } from '../support/factories';
import { startSmtpServer } from '../support/smtp';
import { createTestApp, openTestDatabase, type TestApp } from '../support/test-app';

/** A fake SMS gateway: answers with the status the test sets, keeps every request. */
async function startSmsGateway() {
  const requests: { body: Record<string, unknown>; auth: string | undefined }[] = [];
  let status = 200;
  const server = createServer((request: IncomingMessage, response) => {
    let data = '';
    request.on('data', (chunk) => {
      data += chunk;
    });
    request.on('end', () => {
      requests.push({ body: JSON.parse(data), auth: request.headers.authorization });
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ id: `sms-${requests.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/send`,
    requests,
    setStatus: (next: number) => {
      status = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let database: Database;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let gateway: Awaited<ReturnType<typeof startSmsGateway>>;
let wired: TestApp;
let bare: TestApp;
/** No SMS provider and `DEMO=false`: how a production server without a provider lists the outbox. */
let hidden: TestApp;

beforeAll(async () => {
  database = await openTestDatabase();
  smtp = await startSmtpServer();
  gateway = await startSmsGateway();
  const config = toConfig(
    parseEnv({
      SMTP_URL: smtp.url,
      SMS_PROVIDER: 'http',
      SMS_HTTP_URL: gateway.url,
      SMS_HTTP_TOKEN: 'sms-token',
    }),
    () => 'secret',
  );
  wired = await createTestApp({ database, transports: createTransports(config) });
  bare = await createTestApp({ database });
  hidden = await createTestApp({ database, config: { DEMO: 'false' } });
});
afterAll(async () => {
  await wired.close();
  await bare.close();
  await hidden.close();
  await database.close();
  await smtp.close();
  await gateway.close();
});

describe('outbox delivery', () => {
  it('sends an email through SMTP and marks it sent', async () => {
    const practice = await makePractice(database.db);
    const id = await enqueueMessage(
      database.db,
      {
        practiceId: practice.id,
        channel: 'email',
        recipient: 'patient@test.example',
        kind: 'test',
        subject: 'Votre rendez-vous',
        body: 'Bonjour, à demain.',
        attachments: [
          {
            filename: 'rdv.ics',
            contentType: 'text/calendar',
            content: Buffer.from('BEGIN:VCALENDAR').toString('base64'),
          },
        ],
      },
      new Date(),
    );
    expect(await drainOutbox(wired.deps)).toBeGreaterThanOrEqual(1);
    const mail = smtp.received.find((item) => item.envelopeTo.includes('patient@test.example'));
    expect(mail?.parsed.subject).toBe('Votre rendez-vous');
    expect(mail?.parsed.text?.trim()).toBe('Bonjour, à demain.');
    expect(mail?.parsed.attachments[0]?.filename).toBe('rdv.ics');
    const [row] = await database.db
      .select()
      .from(outbox)
      .where(eq(outbox.id, id ?? ''));
    expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(row?.sentAt).toBeInstanceOf(Date);
  });

  it('sends an SMS through the HTTP gateway with its token', async () => {
    const practice = await makePractice(database.db);
    await enqueueMessage(
      database.db,
      {
        practiceId: practice.id,
        channel: 'sms',
        recipient: '+33639981077',
        kind: 'test',
        body: 'Code 123456',
      },
      new Date(),
    );
    await drainOutbox(wired.deps);
    const sent = gateway.requests.find((request) => request.body.to === '+33639981077');
    expect(sent).toEqual({
      body: { to: '+33639981077', from: 'Sourire', text: 'Code 123456' },
      auth: 'Bearer sms-token',
    });
  });

  it('retries a failed send with back-off, then gives up and shows the error', async () => {
    const practice = await makePractice(database.db);
    gateway.setStatus(502);
    const id =
      (await enqueueMessage(
        database.db,
        { practiceId: practice.id, channel: 'sms', recipient: '+33639981078', kind: 'test', body: 'hello' },
        wired.clock.now(),
      )) ?? '';
    await drainOutbox(wired.deps);
    const [afterFirst] = await database.db.select().from(outbox).where(eq(outbox.id, id));
    expect(afterFirst).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'SMS gateway answered 502',
    });
    expect(afterFirst?.nextAttemptAt.getTime()).toBeGreaterThan(wired.clock.now().getTime() + 20_000);

    await drainOutbox(wired.deps);
    const [notYet] = await database.db.select().from(outbox).where(eq(outbox.id, id));
    expect(notYet?.attempts).toBe(1);

    for (let attempt = 0; attempt < 6; attempt += 1) {
      wired.clock.advance(3600_000);
      await drainOutbox(wired.deps);
    }
    const [final] = await database.db.select().from(outbox).where(eq(outbox.id, id));
    expect(final).toMatchObject({ status: 'failed', attempts: 6 });
    gateway.setStatus(200);
  });

  it('holds messages when no provider is configured', async () => {
    const practice = await makePractice(database.db);
    const id =
      (await enqueueMessage(
        database.db,
        { practiceId: practice.id, channel: 'sms', recipient: '+33639981079', kind: 'test', body: 'held' },
        new Date(),
      )) ?? '';
    await drainOutbox(bare.deps);
    const [row] = await database.db.select().from(outbox).where(eq(outbox.id, id));
    expect(row?.status).toBe('held');
  });

  it('never queues the same idempotency key twice', async () => {
    const practice = await makePractice(database.db);
    const message = {
      practiceId: practice.id,
      channel: 'sms' as const,
      recipient: '+33639981080',
      kind: 'test',
      body: 'once',
      idempotencyKey: `key-${practice.id}`,
    };
    expect(await enqueueMessage(database.db, message, new Date())).toEqual(expect.any(String));
    expect(await enqueueMessage(database.db, message, new Date())).toBeNull();
  });

  it('sends each message once when several drains run at the same time', async () => {
    const practice = await makePractice(database.db);
    const recipients = Array.from(
      { length: 12 },
      (_, index) => `+336399820${String(index).padStart(2, '0')}`,
    );
    for (const recipient of recipients) {
      await enqueueMessage(
        database.db,
        { practiceId: practice.id, channel: 'sms', recipient, kind: 'test', body: 'x' },
        new Date(),
      );
    }
    await Promise.all([
      drainOutbox(wired.deps, 3),
      drainOutbox(wired.deps, 3),
      drainOutbox(wired.deps, 3),
      drainOutbox(wired.deps, 3),
    ]);
    while ((await drainOutbox(wired.deps)) > 0) {
      // finish what is left
    }
    for (const recipient of recipients) {
      expect(gateway.requests.filter((request) => request.body.to === recipient)).toHaveLength(1);
    }
  });
});

describe('console outbox page', () => {
  it('lists the practice’s messages, newest first, paged, without another practice’s', async () => {
    const practice = await makePractice(database.db);
    const other = await makePractice(database.db);
    const admin = await makeStaff(database.db, practice.id, { role: 'admin' });
    const base = Date.now();
    for (let index = 0; index < 5; index += 1) {
      await enqueueMessage(
        database.db,
        {
          practiceId: practice.id,
          channel: 'sms',
          recipient: `+3363998300${index}`,
          kind: 'test',
          body: `message ${index}`,
        },
        new Date(base + index * 1000),
      );
    }
    await enqueueMessage(
      database.db,
      { practiceId: other.id, channel: 'sms', recipient: '+33639983999', kind: 'test', body: 'other' },
      new Date(),
    );
    const client = new TestClient(bare.app);
    await client.post('/api/staff/sign-in', { email: admin.email, password: testPassword });
    const first = await client.get<{ items: { body: string }[]; nextCursor: string }>(
      '/api/console/outbox?limit=3',
    );
    expect(first.body.items.map((item) => item.body)).toEqual(['message 4', 'message 3', 'message 2']);
    const second = await client.get<{ items: { body: string }[]; nextCursor: string | null }>(
      `/api/console/outbox?limit=3&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items.map((item) => item.body)).toEqual(['message 1', 'message 0']);
    expect(second.body.nextCursor).toBeNull();
    expect((await client.get('/api/console/outbox?cursor=garbage')).status).toBe(400);
  });

  it('shows a code’s text while held, and hides it once really sent', async () => {
    const practice = await makePractice(database.db);
    const admin = await makeStaff(database.db, practice.id, { role: 'admin' });
    await enqueueMessage(
      database.db,
      {
        practiceId: practice.id,
        channel: 'sms',
        recipient: '+33639984001',
        kind: 'sign_in_code',
        body: 'code 111111',
        sensitive: true,
      },
      new Date(),
    );
    await drainOutbox(bare.deps);
    const client = new TestClient(bare.app);
    await client.post('/api/staff/sign-in', { email: admin.email, password: testPassword });
    const held = await client.get<{ items: { body: string | null; status: string }[] }>(
      '/api/console/outbox',
    );
    expect(held.body.items[0]).toMatchObject({ status: 'held', body: 'code 111111' });

    await database.db.update(outbox).set({ status: 'sent' }).where(eq(outbox.practiceId, practice.id));
    const sent = await client.get<{ items: { body: string | null }[] }>('/api/console/outbox');
    expect(sent.body.items[0]?.body).toBeNull();
  });

  it('lists a message the patient’s app took by Web Push as push, and one that was not under its channel', async () => {
    const practice = await makePractice(database.db);
    const admin = await makeStaff(database.db, practice.id, { role: 'admin' });
    const push = {
      phones: ['+33639984101'],
      title: 'Nouveau message',
      body: 'Vous avez un nouveau message.',
      url: '/app/messagerie',
      tag: 'message',
    };
    const base = Date.now();
    const pushedId =
      (await enqueueMessage(
        database.db,
        {
          practiceId: practice.id,
          channel: 'sms',
          recipient: '+33639984101',
          kind: 'message',
          body: 'pushed',
          push,
        },
        new Date(base),
      )) ?? '';
    await enqueueMessage(
      database.db,
      {
        practiceId: practice.id,
        channel: 'sms',
        recipient: '+33639984102',
        kind: 'message',
        body: 'by sms',
        push: { ...push, phones: ['+33639984102'] },
      },
      new Date(base + 1000),
    );
    await enqueueMessage(
      database.db,
      {
        practiceId: practice.id,
        channel: 'email',
        recipient: 'patient@test.example',
        kind: 'message',
        body: 'by email',
      },
      new Date(base + 2000),
    );
    // what the drain writes when a device took the push form
    await database.db
      .update(outbox)
      .set({ status: 'sent', sentAt: new Date(base), pushedAt: new Date(base) })
      .where(eq(outbox.id, pushedId));

    const client = new TestClient(bare.app);
    await client.post('/api/staff/sign-in', { email: admin.email, password: testPassword });
    type Page = { items: { body: string; channel: string }[] };
    const all = await client.get<Page>('/api/console/outbox');
    expect(all.status).toBe(200);
    expect(all.body.items.map((item) => [item.body, item.channel])).toEqual([
      ['by email', 'email'],
      ['by sms', 'sms'],
      ['pushed', 'push'],
    ]);
    const pushed = await client.get<Page>('/api/console/outbox?channel=push');
    expect(pushed.body.items.map((item) => item.body)).toEqual(['pushed']);
    const sms = await client.get<Page>('/api/console/outbox?channel=sms');
    expect(sms.body.items.map((item) => item.body)).toEqual(['by sms']);
    expect((await client.get('/api/console/outbox?channel=fax')).status).toBe(400);
  });

  it('hides one-time codes outside demo mode, in the reader’s language; the stored text still goes out whole', async () => {
    const practice = await makePractice(database.db);
    const admin = await makeStaff(database.db, practice.id, { role: 'admin' });
    const name = 'Cabinet des Tilleuls';
    const sent = [
      {
        kind: 'app_sign_in_code',
        code: '482913',
        body: signInCodeSms('fr', { practice: name, code: '482913' }),
      },
      {
        kind: 'signature_code',
        code: '705126',
        body: signatureCodeSms('fr', { practice: name, code: '705126' }),
      },
      {
        kind: 'secure_link_code',
        code: '031337',
        body: secureLinkCodeSms('en', { practice: name, code: '031337' }),
      },
    ];
    const base = Date.now();
    for (const [index, message] of sent.entries()) {
      await enqueueMessage(
        database.db,
        {
          practiceId: practice.id,
          channel: 'sms',
          recipient: `+3363998420${index}`,
          kind: message.kind,
          body: message.body,
          sensitive: true,
          notBefore: new Date(base),
        },
        new Date(base + index * 1000),
      );
    }
    await drainOutbox(bare.deps);
    type Page = { items: { body: string | null; status: string; kind: string }[] };
    const codesIn = (page: Page) => sent.filter((message) => JSON.stringify(page).includes(message.code));

    // the demo (tests run outside production): the front desk reads the codes
    const demoDesk = new TestClient(bare.app);
    await demoDesk.post('/api/staff/sign-in', { email: admin.email, password: testPassword });
    const demo = await demoDesk.get<Page>('/api/console/outbox');
    expect(codesIn(demo.body)).toHaveLength(3);

    // DEMO=false: held, the text is there but every code reads "code masqué"
    const desk = new TestClient(hidden.app);
    await desk.post('/api/staff/sign-in', { email: admin.email, password: testPassword });
    const masked = await desk.get<Page>('/api/console/outbox');
    expect(masked.status).toBe(200);
    expect(masked.body.items.map((item) => item.status)).toEqual(['held', 'held', 'held']);
    expect(codesIn(masked.body)).toEqual([]);
    expect(masked.body.items.map((item) => item.body)).toEqual([
      `${name}: to open the document sent to you, enter the code [code masqué]. Valid 10 minutes.`,
      `${name} : pour signer votre document, saisissez le code [code masqué]. Valable 10 minutes. Ne le communiquez à personne.`,
      `${name} : votre code est [code masqué]. Valable 10 minutes. Ne le communiquez à personne.`,
    ]);
    // in the reader's language
    const english = new TestClient(hidden.app, { lang: 'en' });
    await english.post('/api/staff/sign-in', { email: admin.email, password: testPassword });
    const inEnglish = await english.get<Page>('/api/console/outbox');
    expect(inEnglish.body.items[0]?.body).toContain('enter the code [code hidden].');
    expect(codesIn(inEnglish.body)).toEqual([]);

    // masked on read only: the stored text is whole, and a provider configured later sends it whole
    const rows = await database.db.select().from(outbox).where(eq(outbox.practiceId, practice.id));
    expect(rows.map((row) => row.body).sort()).toEqual(sent.map((message) => message.body).sort());
    await database.db
      .update(outbox)
      .set({ status: 'pending', nextAttemptAt: new Date(0) })
      .where(eq(outbox.practiceId, practice.id));
    while ((await drainOutbox(wired.deps)) > 0) {
      // send them all
    }
    for (const [index, message] of sent.entries()) {
      const request = gateway.requests.find((item) => item.body.to === `+3363998420${index}`);
      expect(request?.body.text).toBe(message.body);
    }
  });

  it('in production, shows codes only for the demo practice of a DEMO=true server', async () => {
    const showroom = await makePractice(database.db, { slug: demoSlug });
    const real = await makePractice(database.db);
    const production = await createTestApp({ database, config: { DEMO: 'true' } });
    try {
      production.deps.config = { ...production.deps.config, env: 'production' };
      const read = async (practiceId: string) => {
        const admin = await makeStaff(database.db, practiceId, { role: 'admin' });
        await enqueueMessage(
          database.db,
          {
            practiceId,
            channel: 'sms',
            recipient: '+33639984300',
            kind: 'app_sign_in_code',
            body: 'Votre code est 246810.',
            sensitive: true,
          },
          new Date(),
        );
        await drainOutbox(bare.deps);
        const desk = new TestClient(production.app);
        await desk.post('/api/staff/sign-in', { email: admin.email, password: testPassword });
        return (await desk.get<{ items: { body: string | null }[] }>('/api/console/outbox')).body.items[0]
          ?.body;
      };
      expect(await read(showroom.id)).toBe('Votre code est 246810.');
      expect(await read(real.id)).toBe('Votre code est [code masqué].');
      production.deps.config = { ...production.deps.config, demo: 'auto' };
      expect(await read(showroom.id)).toBe('Votre code est [code masqué].');
    } finally {
      await production.close();
    }
  });

  it('audits each read of the outbox: who, when, which messages and patients, whether codes showed', async () => {
    const practice = await makePractice(database.db);
    const admin = await makeStaff(database.db, practice.id, { role: 'admin' });
    const patient = await makePatient(database.db, practice.id);
    const id =
      (await enqueueMessage(
        database.db,
        {
          practiceId: practice.id,
          channel: 'sms',
          recipient: '+33639984400',
          kind: 'appointment_reminder',
          body: 'Rappel',
          patientId: patient.id,
        },
        new Date(),
      )) ?? '';
    const desk = new TestClient(hidden.app);
    await desk.post('/api/staff/sign-in', { email: admin.email, password: testPassword });
    expect((await desk.get('/api/console/outbox?channel=sms')).status).toBe(200);
    // the page's 5-second refresh showing the same messages is the same reading
    expect((await desk.get('/api/console/outbox?channel=sms')).status).toBe(200);
    const audits = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.practiceId, practice.id), eq(auditLog.action, 'outbox.list')));
    expect(audits).toEqual([
      expect.objectContaining({
        actorKind: 'staff',
        actorId: admin.id,
        entity: 'outbox',
        at: expect.any(Date),
        details: {
          channel: 'sms',
          status: null,
          messageIds: [id],
          patientIds: [patient.id],
          codesShown: false,
        },
      }),
    ]);
    // an empty page shows nothing of a patient: nothing to record
    expect((await desk.get('/api/console/outbox?channel=email')).status).toBe(200);
    const after = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.practiceId, practice.id), eq(auditLog.action, 'outbox.list')));
    expect(after).toHaveLength(1);
    // a new message on the page is a new reading
    await enqueueMessage(
      database.db,
      {
        practiceId: practice.id,
        channel: 'sms',
        recipient: '+33639984401',
        kind: 'appointment_reminder',
        body: 'Rappel 2',
      },
      new Date(),
    );
    expect((await desk.get('/api/console/outbox?channel=sms')).status).toBe(200);
    const later = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.practiceId, practice.id), eq(auditLog.action, 'outbox.list')));
    expect(later).toHaveLength(2);
  });
});
