import { createHash, randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  InboxPage,
  Message,
  MessagePage,
  MessageTemplate,
  PatientThreadList,
  StaffThread,
  UnreadCount,
} from '../../src/contracts/messaging';
import { auditLog, messageAttachments, messages, messageThreads } from '../../src/server/db/schema';
import { type AgendaChange, type LiveNotice, postgresBus } from '../../src/server/live/live-bus';
import { type Answer, staffClient, type TestClient } from '../support/client';
import { openEventStream } from '../support/event-stream';
import { makePatient, makePractice, makeStaff } from '../support/factories';
import { makeFamily, patientClient } from '../support/patient-session';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let base: string;
beforeAll(async () => {
  // 1 MB: the smallest limit the configuration accepts, so "over the limit" stays a small upload
  t = await createTestApp({ config: { FILES_MAX_MB: '1' } });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => t.close());

const mb = 1024 * 1024;

// Files as phones and computers make them: only their first bytes matter to the type check.
const png = (size = 2_000) =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(size - 8)]);
const jpeg = (size = 3_000) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(size - 4)]);
const pdf = () => Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');
/** A Windows executable (MZ header) renamed to look like a photo. */
const renamedExe = () =>
  Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), randomBytes(4_000)]);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface FilePart {
  field?: string;
  name: string;
  content: Buffer;
  /** what the sender's browser claims; never trusted */
  type?: string;
}

/** A multipart/form-data body, as a browser's FormData sends it. */
function form(fields: Record<string, string>, files: FilePart[] = []) {
  const boundary = `----sourire${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(
      Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  for (const file of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="${file.field ?? 'files'}"; filename="${file.name}"\r\ncontent-type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

function send<T = Message>(
  client: TestClient,
  url: string,
  fields: Record<string, string>,
  files: FilePart[] = [],
  method: 'POST' | 'PUT' = 'POST',
): Promise<Answer<T>> {
  const body = form(fields, files);
  return client.request<T>(method, url, body.payload, body.headers);
}

/** Downloads with the client's session, keeping the bytes (the test client decodes text). */
async function download(client: TestClient, url: string) {
  const cookies = ['sourire_patient', 'sourire_staff']
    .map((name) => (client.cookie(name) ? `${name}=${client.cookie(name)}` : null))
    .filter(Boolean)
    .join('; ');
  const response = await t.app.inject({ method: 'GET', url, headers: { cookie: cookies } });
  return { status: response.statusCode, headers: response.headers, bytes: response.rawPayload };
}

/** Every stored file under the test's files folder (temporary files included). */
async function storedFiles(): Promise<string[]> {
  const entries = await readdir(t.deps.config.files.dir, { recursive: true, withFileTypes: true }).catch(
    () => [],
  );
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

async function rowsOfPractice(practiceId: string) {
  const [threads, sent, files] = await Promise.all([
    t.deps.db.select().from(messageThreads).where(eq(messageThreads.practiceId, practiceId)),
    t.deps.db.select().from(messages).where(eq(messages.practiceId, practiceId)),
    t.deps.db.select().from(messageAttachments).where(eq(messageAttachments.practiceId, practiceId)),
  ]);
  return { threads: threads.length, messages: sent.length, attachments: files.length };
}

async function setup() {
  const f = await makeFamily(t.deps.db);
  const secretary = await makeStaff(t.deps.db, f.practice.id, { firstName: 'Nadia', lastName: 'Lefèvre' });
  const admin = await makeStaff(t.deps.db, f.practice.id, { role: 'admin' });
  return {
    ...f,
    desk: await staffClient(t.app, secretary.email, secretary.password),
    adminConsole: await staffClient(t.app, admin.email, admin.password),
    paulApp: await patientClient(t.app, t.deps.db, f.identities.paul),
  };
}

describe('messages between a family and the practice (MSG-1, MSG-3)', () => {
  it('a patient sends text and a photo; staff sees it unread, reads it, replies; read state per side', async () => {
    const s = await setup();
    const photo = jpeg();
    const sent = await send(
      s.paulApp,
      `/api/patient/messages/threads/${s.paul.id}`,
      { body: 'Bonjour, ma couronne bouge.' },
      [{ name: 'couronne.jpg', content: photo, type: 'image/jpeg' }],
    );
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(sent.body).toMatchObject({
      patientId: s.paul.id,
      authorKind: 'patient',
      authorName: 'Paul Durand',
      body: 'Bonjour, ma couronne bouge.',
      readByStaffAt: null,
    });
    expect(sent.body.attachments).toEqual([
      expect.objectContaining({
        name: 'couronne.jpg',
        contentType: 'image/jpeg',
        size: photo.length,
        sha256: sha256(photo),
      }),
    ]);

    // the console: one unread thread, in the badge and in the inbox
    expect((await s.desk.get<UnreadCount>('/api/console/messages/unread-count')).body).toEqual({
      unreadMessages: 1,
      unreadThreads: 1,
    });
    const inbox = await s.desk.get<InboxPage>('/api/console/messages');
    expect(inbox.status).toBe(200);
    expect(inbox.body.items).toEqual([
      expect.objectContaining({
        threadId: sent.body.threadId,
        patient: expect.objectContaining({ id: s.paul.id, lastName: 'Durand' }),
        unreadCount: 1,
        lastMessage: expect.objectContaining({
          preview: 'Bonjour, ma couronne bouge.',
          authorKind: 'patient',
          attachmentCount: 1,
        }),
      }),
    ]);
    expect((await s.desk.get<InboxPage>('/api/console/messages?unread=true')).body.items).toHaveLength(1);
    expect((await s.desk.get<InboxPage>('/api/console/messages?q=durant')).body.items).toHaveLength(1);
    expect((await s.desk.get<InboxPage>('/api/console/messages?q=nunez')).body.items).toHaveLength(0);

    // staff downloads the photo: the same bytes, its detected type
    const file = await download(s.desk, `/api/console/messages/attachments/${sent.body.attachments[0]?.id}`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('image/jpeg');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.bytes.equals(photo)).toBe(true);

    // reading the thread (twice) is audited and changes nothing: still unread
    for (let times = 0; times < 2; times += 1) {
      const opened = await s.desk.get<StaffThread>(`/api/console/messages/threads/${s.paul.id}`);
      expect(opened.status).toBe(200);
      expect(opened.body.items).toHaveLength(1);
      expect(opened.body.items[0]?.readByStaffAt).toBeNull();
    }
    expect((await s.desk.get<UnreadCount>('/api/console/messages/unread-count')).body).toEqual({
      unreadMessages: 1,
      unreadThreads: 1,
    });
    // the console marks it read once shown, by POST; a second POST changes nothing more
    expect((await s.desk.post(`/api/console/messages/threads/${s.paul.id}/read`)).body).toEqual({ ok: true });
    const [marked] = await t.deps.db.select().from(messages).where(eq(messages.id, sent.body.id));
    expect(marked?.readByStaffAt).toBeInstanceOf(Date);
    expect((await s.desk.post(`/api/console/messages/threads/${s.paul.id}/read`)).status).toBe(200);
    const [again] = await t.deps.db.select().from(messages).where(eq(messages.id, sent.body.id));
    expect(again?.readByStaffAt).toEqual(marked?.readByStaffAt);
    expect((await s.desk.get<UnreadCount>('/api/console/messages/unread-count')).body.unreadMessages).toBe(0);
    expect((await s.desk.get<InboxPage>('/api/console/messages?unread=true')).body.items).toHaveLength(0);
    const audited = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.practiceId, s.practice.id), eq(auditLog.patientId, s.paul.id)));
    expect(audited.map((row) => row.action)).toEqual(
      expect.arrayContaining(['messages.read', 'message_attachment.read']),
    );

    // the patient sees that the practice read it; the reply is unread on the patient's side
    const reply = await send(s.desk, `/api/console/messages/threads/${s.paul.id}`, {
      body: 'Passez demain à 9 h.',
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect(reply.body).toMatchObject({
      authorKind: 'staff',
      authorName: 'Nadia Lefèvre',
      readByPatientAt: null,
    });
    const threads = await s.paulApp.get<PatientThreadList>('/api/patient/messages/threads');
    const paulThread = threads.body.items.find((item) => item.patientId === s.paul.id);
    expect(paulThread).toMatchObject({ threadId: sent.body.threadId, unreadCount: 1 });
    expect(paulThread?.lastMessage).toMatchObject({ preview: 'Passez demain à 9 h.', authorKind: 'staff' });

    const page = await s.paulApp.get<MessagePage>(`/api/patient/messages/threads/${s.paul.id}`);
    expect(page.status).toBe(200);
    expect(page.body.items.map((message) => message.body)).toEqual([
      'Passez demain à 9 h.',
      'Bonjour, ma couronne bouge.',
    ]);
    expect(page.body.items[1]?.readByStaffAt).not.toBeNull();
    // reading by GET (twice) leaves the reply unread; the app's POST marks it read
    await s.paulApp.get(`/api/patient/messages/threads/${s.paul.id}`);
    const still = await s.paulApp.get<PatientThreadList>('/api/patient/messages/threads');
    expect(still.body.items.find((item) => item.patientId === s.paul.id)?.unreadCount).toBe(1);
    expect(page.body.items[0]?.readByPatientAt).toBeNull();
    expect((await s.paulApp.post(`/api/patient/messages/threads/${s.paul.id}/read`)).body).toEqual({
      ok: true,
    });
    expect((await s.paulApp.post(`/api/patient/messages/threads/${s.paul.id}/read`)).status).toBe(200);
    const after = await s.paulApp.get<PatientThreadList>('/api/patient/messages/threads');
    expect(after.body.items.find((item) => item.patientId === s.paul.id)?.unreadCount).toBe(0);
    const seen = await s.desk.get<StaffThread>(`/api/console/messages/threads/${s.paul.id}`);
    expect(seen.body.items[0]?.readByPatientAt).not.toBeNull();
    // the practice's own reply never counts as unread for the practice
    expect((await s.desk.get<UnreadCount>('/api/console/messages/unread-count')).body.unreadMessages).toBe(0);
  });

  it('pages a thread from the newest, older ones through the cursor', async () => {
    const s = await setup();
    for (const n of [1, 2, 3, 4, 5]) {
      t.clock.advance(1_000);
      expect(
        (await send(s.paulApp, `/api/patient/messages/threads/${s.paul.id}`, { body: `m${n}` })).status,
      ).toBe(201);
    }
    const first = await s.desk.get<StaffThread>(`/api/console/messages/threads/${s.paul.id}?limit=2`);
    expect(first.body.items.map((message) => message.body)).toEqual(['m5', 'm4']);
    const second = await s.desk.get<StaffThread>(
      `/api/console/messages/threads/${s.paul.id}?limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items.map((message) => message.body)).toEqual(['m3', 'm2']);
    const third = await s.desk.get<StaffThread>(
      `/api/console/messages/threads/${s.paul.id}?limit=2&cursor=${second.body.nextCursor}`,
    );
    expect(third.body.items.map((message) => message.body)).toEqual(['m1']);
    expect(third.body.nextCursor).toBeNull();
    expect((await s.desk.get(`/api/console/messages/threads/${s.paul.id}?cursor=nonsense`)).status).toBe(400);
  });

  it('a responsable writes in a child’s thread; the other parent sees it and reads the answer for the family', async () => {
    const s = await setup();
    const marieApp = await patientClient(t.app, t.deps.db, s.identities.marie);
    const sent = await send(s.paulApp, `/api/patient/messages/threads/${s.lea.id}`, {
      body: 'Léa a mal depuis son appareil.',
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ patientId: s.lea.id, authorName: 'Paul Durand' });

    // Marie's app: a thread per member of her family, Léa's holding Paul's message
    const marieThreads = await marieApp.get<PatientThreadList>('/api/patient/messages/threads');
    expect(marieThreads.status).toBe(200);
    expect(marieThreads.body.items.map((item) => item.patientId).sort()).toEqual(
      [s.marie.id, s.lea.id, s.hugo.id].sort(),
    );
    expect(marieThreads.body.items[0]).toMatchObject({
      patientId: s.lea.id,
      threadId: sent.body.threadId,
      lastMessage: expect.objectContaining({ preview: 'Léa a mal depuis son appareil.' }),
    });
    const leaThread = await marieApp.get<MessagePage>(`/api/patient/messages/threads/${s.lea.id}`);
    expect(leaThread.body.items.map((message) => message.authorName)).toEqual(['Paul Durand']);

    // the practice answers in Léa's thread (stored under the child, written by the phone's holder)
    const inbox = await s.desk.get<InboxPage>('/api/console/messages');
    expect(inbox.body.items[0]?.patient.id).toBe(s.lea.id);
    const [row] = await t.deps.db.select().from(messages).where(eq(messages.id, sent.body.id));
    expect(row).toMatchObject({ authorPatientId: s.paul.id, senderPhone: s.phones.paul });
    await send(s.desk, `/api/console/messages/threads/${s.lea.id}`, { body: 'Venez mercredi.' });
    const paulBefore = await s.paulApp.get<PatientThreadList>('/api/patient/messages/threads');
    expect(paulBefore.body.items.find((item) => item.patientId === s.lea.id)?.unreadCount).toBe(1);
    // Marie opens it (shown, then marked read): read for the family, so Paul has nothing unread either
    await marieApp.get(`/api/patient/messages/threads/${s.lea.id}`);
    expect((await marieApp.post(`/api/patient/messages/threads/${s.lea.id}/read`)).status).toBe(200);
    const paulAfter = await s.paulApp.get<PatientThreadList>('/api/patient/messages/threads');
    expect(paulAfter.body.items.find((item) => item.patientId === s.lea.id)?.unreadCount).toBe(0);
  });

  it('answers 404 for another family’s thread, message and attachment, and stores nothing sent there', async () => {
    const s = await setup();
    const joseApp = await patientClient(t.app, t.deps.db, s.identities.jose);
    const sent = await send(s.paulApp, `/api/patient/messages/threads/${s.lea.id}`, { body: 'Radio' }, [
      { name: 'radio.png', content: png() },
    ]);
    const attachmentId = sent.body.attachments[0]?.id;
    const before = { rows: await rowsOfPractice(s.practice.id), files: await storedFiles() };

    expect((await joseApp.get(`/api/patient/messages/threads/${s.lea.id}`)).status).toBe(404);
    const intruding = await send(joseApp, `/api/patient/messages/threads/${s.lea.id}`, { body: 'Coucou' }, [
      { name: 'x.png', content: png() },
    ]);
    expect(intruding.status).toBe(404);
    expect(intruding.body).toMatchObject({ code: 'NOT_FOUND' });
    const stolen = await download(joseApp, `/api/patient/messages/attachments/${attachmentId}`);
    expect(stolen.status).toBe(404);
    expect(stolen.bytes.toString()).not.toContain('PNG');
    // an unknown id answers exactly the same
    expect((await download(joseApp, `/api/patient/messages/attachments/${randomUUIDLike()}`)).status).toBe(
      404,
    );
    expect(
      (await joseApp.get<PatientThreadList>('/api/patient/messages/threads')).body.items.map(
        (i) => i.patientId,
      ),
    ).toEqual([s.jose.id]);

    // nothing of the refused message was kept: no row, no file
    expect(await rowsOfPractice(s.practice.id)).toEqual(before.rows);
    expect(await storedFiles()).toEqual(before.files);
    // the family still downloads its own
    expect((await download(s.paulApp, `/api/patient/messages/attachments/${attachmentId}`)).status).toBe(200);
    // nor can another family mark it read
    const forLea = await send(s.desk, `/api/console/messages/threads/${s.lea.id}`, { body: 'Pour Léa' });
    const joseMarks = await joseApp.post(`/api/patient/messages/threads/${s.lea.id}/read`);
    expect(joseMarks.status).toBe(404);
    expect(joseMarks.body).toMatchObject({ code: 'NOT_FOUND' });
    const [unreadForLea] = await t.deps.db.select().from(messages).where(eq(messages.id, forLea.body.id));
    expect(unreadForLea?.readByPatientAt).toBeNull();
  });

  it('refuses a renamed executable, an empty file and a file over the limit with clear messages, storing nothing', async () => {
    const s = await setup();
    const before = { rows: await rowsOfPractice(s.practice.id), files: await storedFiles() };
    const url = `/api/patient/messages/threads/${s.paul.id}`;

    const exe = await send<{ message: string }>(s.paulApp, url, { body: 'Ma radio' }, [
      { name: 'radio.jpg', content: renamedExe(), type: 'image/jpeg' },
    ]);
    expect(exe.status).toBe(400);
    expect(exe.body).toMatchObject({
      code: 'FILE_TYPE_NOT_ALLOWED',
      details: { accepted: 'JPEG, PNG, WebP, HEIC, HEIF, PDF' },
    });
    expect(exe.body.message).toMatch(/n’est pas accepté/);

    // a good photo first, then a bad file: the whole message is refused, the photo not kept either
    const mixed = await send(s.paulApp, url, { body: 'Deux fichiers' }, [
      { name: 'ok.png', content: png() },
      { name: 'vide.pdf', content: Buffer.alloc(0), type: 'application/pdf' },
    ]);
    expect(mixed.status).toBe(400);
    expect(mixed.body).toMatchObject({
      code: 'FILE_EMPTY',
      message: 'Ce fichier est vide : rien n’a été envoyé.',
    });

    const big = await send(s.paulApp, url, { body: 'Grosse photo' }, [
      { name: 'big.jpg', content: jpeg(mb + 1) },
    ]);
    expect(big.status).toBe(400);
    expect(big.body).toMatchObject({
      code: 'FILE_TOO_LARGE',
      details: { maxMb: 1 },
      message: 'Ce fichier dépasse la taille maximale de 1 Mo : rien n’a été envoyé.',
    });

    // in English for an English-speaking phone
    const english = await patientClient(t.app, t.deps.db, s.identities.marie, { lang: 'en' });
    const englishBig = await send<{ message: string }>(
      english,
      `/api/patient/messages/threads/${s.marie.id}`,
      {},
      [{ name: 'big.jpg', content: jpeg(mb + 1) }],
    );
    expect(englishBig.body.message).toBe('This file is larger than the 1 MB limit: nothing was sent.');

    // no text and no file; too many files
    const empty = await send(s.paulApp, url, { body: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'body', message: 'Écrivez un message ou joignez un fichier.' }],
    });
    const six = await send(
      s.paulApp,
      url,
      { body: 'six' },
      Array.from({ length: 6 }, (_, n) => ({ name: `p${n}.png`, content: png() })),
    );
    expect(six.status).toBe(400);
    expect(six.body).toMatchObject({
      issues: [{ path: 'files', message: 'Au plus 5 fichiers par message.' }],
    });

    expect(await rowsOfPractice(s.practice.id)).toEqual(before.rows);
    expect(await storedFiles()).toEqual(before.files);

    // exactly at the limit is accepted
    const atLimit = await send(s.paulApp, url, {}, [{ name: 'limite.jpg', content: jpeg(mb) }]);
    expect(atLimit.status, JSON.stringify(atLimit.body)).toBe(201);
    expect((await storedFiles()).length).toBe(before.files.length + 1);
  });

  it('honours the module switch: messaging off answers 403 to the app, the console keeps working', async () => {
    const s = await setup();
    const sent = await send(s.paulApp, `/api/patient/messages/threads/${s.paul.id}`, {}, [
      { name: 'a.png', content: png() },
    ]);
    const modules = await s.adminConsole.get<Record<string, unknown>>('/api/console/settings/modules');
    const off = await s.adminConsole.request('PUT', '/api/console/settings/modules', {
      ...modules.body,
      messaging: { enabled: false },
    });
    expect(off.status).toBe(200);
    const refusals = [
      await s.paulApp.get('/api/patient/messages/threads'),
      await s.paulApp.get(`/api/patient/messages/threads/${s.paul.id}`),
      await send(s.paulApp, `/api/patient/messages/threads/${s.paul.id}`, { body: 'encore' }),
      await s.paulApp.get(`/api/patient/messages/attachments/${sent.body.attachments[0]?.id}`),
      await s.paulApp.get('/api/patient/messages/stream'),
    ];
    for (const answer of refusals) {
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ code: 'MODULE_DISABLED', details: { module: 'messaging' } });
    }
    expect((await s.desk.get<InboxPage>('/api/console/messages')).body.items).toHaveLength(1);
  });

  it('keeps console routes to staff: 401 for a patient session, 404 across practices', async () => {
    const s = await setup();
    const sent = await send(s.paulApp, `/api/patient/messages/threads/${s.paul.id}`, { body: 'Bonjour' }, [
      { name: 'a.png', content: png() },
    ]);
    for (const url of [
      '/api/console/messages',
      '/api/console/messages/unread-count',
      `/api/console/messages/threads/${s.paul.id}`,
      `/api/console/messages/attachments/${sent.body.attachments[0]?.id}`,
      '/api/console/message-templates',
    ]) {
      expect((await s.paulApp.get(url)).status, url).toBe(401);
    }
    expect((await send(s.paulApp, `/api/console/messages/threads/${s.paul.id}`, { body: 'x' })).status).toBe(
      401,
    );
    expect((await s.paulApp.post(`/api/console/messages/threads/${s.paul.id}/read`)).status).toBe(401);

    const elsewhere = await makePractice(t.deps.db);
    const other = await makeStaff(t.deps.db, elsewhere.id, { role: 'admin' });
    const otherDesk = await staffClient(t.app, other.email, other.password);
    expect((await otherDesk.get<InboxPage>('/api/console/messages')).body.items).toEqual([]);
    expect((await otherDesk.get<UnreadCount>('/api/console/messages/unread-count')).body.unreadMessages).toBe(
      0,
    );
    expect((await otherDesk.get(`/api/console/messages/threads/${s.paul.id}`)).status).toBe(404);
    expect((await otherDesk.post(`/api/console/messages/threads/${s.paul.id}/read`)).status).toBe(404);
    const [stillUnread] = await t.deps.db.select().from(messages).where(eq(messages.id, sent.body.id));
    expect(stillUnread?.readByStaffAt).toBeNull();
    expect((await send(otherDesk, `/api/console/messages/threads/${s.paul.id}`, { body: 'x' })).status).toBe(
      404,
    );
    expect(
      (await download(otherDesk, `/api/console/messages/attachments/${sent.body.attachments[0]?.id}`)).status,
    ).toBe(404);
    // and its patients are not reachable from ours either
    const theirs = await makePatient(t.deps.db, elsewhere.id);
    expect((await s.desk.get(`/api/console/messages/threads/${theirs.id}`)).status).toBe(404);
    expect((await rowsOfPractice(elsewhere.id)).messages).toBe(0);
  });
});

describe('who signs a message from a family phone (issue 9 §3.16)', () => {
  it('by default the person signed in, not the phone’s holder: Léa on her father’s phone signs as Léa', async () => {
    const s = await setup();
    const leaApp = await patientClient(t.app, t.deps.db, {
      ...s.identities.paul,
      firstName: 'Léa',
      birthDate: s.lea.birthDate,
    });
    const sent = await send(leaApp, `/api/patient/messages/threads/${s.lea.id}`, {
      body: 'Mon appareil me gêne.',
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(sent.body).toMatchObject({ patientId: s.lea.id, authorKind: 'patient', authorName: 'Léa Durand' });
    const [row] = await t.deps.db.select().from(messages).where(eq(messages.id, sent.body.id));
    // the author is Léa; the phone that wrote stays the verified one, her father's
    expect(row).toMatchObject({ authorPatientId: s.lea.id, senderPhone: s.phones.paul });

    const consoleThread = await s.desk.get<StaffThread>(`/api/console/messages/threads/${s.lea.id}`);
    expect(consoleThread.body.items.map((message) => message.authorName)).toEqual(['Léa Durand']);
    // Paul on his own phone still signs as himself
    const paulSent = await send(s.paulApp, `/api/patient/messages/threads/${s.lea.id}`, { body: 'Merci.' });
    expect(paulSent.body.authorName).toBe('Paul Durand');
  });

  it('signs with the family member chosen in the app, in any thread of the family', async () => {
    const s = await setup();
    const chosen = await send(s.paulApp, `/api/patient/messages/threads/${s.hugo.id}`, {
      body: 'C’est Léa : Hugo a perdu une dent.',
      authorPatientId: s.lea.id,
    });
    expect(chosen.status, JSON.stringify(chosen.body)).toBe(201);
    expect(chosen.body).toMatchObject({ patientId: s.hugo.id, authorName: 'Léa Durand' });
    const [row] = await t.deps.db.select().from(messages).where(eq(messages.id, chosen.body.id));
    expect(row).toMatchObject({ authorPatientId: s.lea.id, senderPhone: s.phones.paul });

    // choosing oneself is the same as not choosing
    const self = await send(s.paulApp, `/api/patient/messages/threads/${s.hugo.id}`, {
      body: 'Paul : je confirme.',
      authorPatientId: s.paul.id,
    });
    expect(self.body.authorName).toBe('Paul Durand');

    // every side shows who wrote each message
    const consoleThread = await s.desk.get<StaffThread>(`/api/console/messages/threads/${s.hugo.id}`);
    expect(consoleThread.status).toBe(200);
    expect(consoleThread.body.items.map((message) => message.authorName)).toEqual([
      'Paul Durand',
      'Léa Durand',
    ]);
    const marieApp = await patientClient(t.app, t.deps.db, s.identities.marie);
    const marieView = await marieApp.get<MessagePage>(`/api/patient/messages/threads/${s.hugo.id}`);
    expect(marieView.body.items.map((message) => message.authorName)).toEqual(['Paul Durand', 'Léa Durand']);
  });

  it('refuses an author outside the phone’s family with 400 on authorPatientId, in the caller’s language, storing nothing', async () => {
    const s = await setup();
    const url = `/api/patient/messages/threads/${s.lea.id}`;
    const before = { rows: await rowsOfPractice(s.practice.id), files: await storedFiles() };

    // a stranger of the practice, the other parent (whose phone is not this one) and an unknown id
    for (const stranger of [s.jose.id, s.marie.id, randomUUIDLike()]) {
      const refused = await send(s.paulApp, url, { body: 'Signé par un autre', authorPatientId: stranger }, [
        { name: 'radio.png', content: png() },
        { name: 'devis.pdf', content: pdf() },
      ]);
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        issues: [
          { path: 'authorPatientId', message: 'Choisissez qui écrit parmi les personnes de votre famille.' },
        ],
      });
    }
    const notAnId = await send(s.paulApp, url, { body: 'x', authorPatientId: 'léa' });
    expect(notAnId.status).toBe(400);
    expect(notAnId.body).toMatchObject({
      issues: [{ path: 'authorPatientId', message: 'Identifiant invalide.' }],
    });

    const englishApp = await patientClient(t.app, t.deps.db, s.identities.paul, { lang: 'en' });
    const english = await send(
      englishApp,
      url,
      { body: 'Signed by someone else', authorPatientId: s.jose.id },
      [{ name: 'radio.png', content: png() }],
    );
    expect(english.status).toBe(400);
    expect(english.body).toMatchObject({
      issues: [
        { path: 'authorPatientId', message: 'Choose who is writing among the people of your family.' },
      ],
    });

    // no thread, message or attachment row, and no file left in storage
    expect(await rowsOfPractice(s.practice.id)).toEqual(before.rows);
    expect(await storedFiles()).toEqual(before.files);
    const consoleThread = await s.desk.get<StaffThread>(`/api/console/messages/threads/${s.lea.id}`);
    expect(consoleThread.body.items).toEqual([]);
  });
});

describe('filing a patient’s attachment into the documents (MSG-1)', () => {
  it('copies it into the patient’s documents once; refuses staff files, repeats and other practices', async () => {
    const s = await setup();
    const photo = jpeg();
    const sent = await send(s.paulApp, `/api/patient/messages/threads/${s.lea.id}`, { body: 'Sa dent' }, [
      { name: 'dent de Léa.jpg', content: photo },
    ]);
    const attachmentId = sent.body.attachments[0]?.id;
    const url = `/api/console/messages/attachments/${attachmentId}/file`;

    const filed = await s.desk.post<{ filedDocumentId: string | null; filedAt: string | null }>(url, {
      type: 'external_scanned',
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    expect(filed.body.filedDocumentId).toEqual(expect.any(String));
    expect(filed.body.filedAt).not.toBeNull();

    // the thread's patient (Léa, not Paul who wrote) has the document, with the same bytes
    const listed = await s.desk.get<{ items: { id: string; title: string; sha256: string }[] }>(
      `/api/console/patients/${s.lea.id}/documents`,
    );
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        id: filed.body.filedDocumentId,
        title: 'dent de Léa.jpg',
        sha256: sha256(photo),
      }),
    ]);
    const document = await download(s.desk, `/api/console/documents/${filed.body.filedDocumentId}/file`);
    expect(document.status).toBe(200);
    expect(document.bytes.equals(photo)).toBe(true);
    const thread = await s.desk.get<StaffThread>(`/api/console/messages/threads/${s.lea.id}`);
    expect(thread.body.items[0]?.attachments[0]?.filedDocumentId).toBe(filed.body.filedDocumentId);
    // the family never sees the console's filing
    const inApp = await s.paulApp.get<MessagePage>(`/api/patient/messages/threads/${s.lea.id}`);
    expect(inApp.body.items[0]?.attachments[0]).toMatchObject({ filedAt: null, filedDocumentId: null });

    // once only, while the document exists
    expect((await s.desk.post(url, {})).status).toBe(409);
    // the practice's own attachments are not the patient's to file
    const reply = await send(s.desk, `/api/console/messages/threads/${s.lea.id}`, {}, [
      { name: 'devis.pdf', content: pdf() },
    ]);
    expect(
      (await s.desk.post(`/api/console/messages/attachments/${reply.body.attachments[0]?.id}/file`, {}))
        .status,
    ).toBe(409);
    // not from another practice, not from the app
    const elsewhere = await makePractice(t.deps.db);
    const other = await makeStaff(t.deps.db, elsewhere.id);
    const otherDesk = await staffClient(t.app, other.email, other.password);
    expect((await otherDesk.post(url, {})).status).toBe(404);
    expect((await s.paulApp.post(url, {})).status).toBe(401);

    // the document removed, the attachment can be filed again; the message keeps its file throughout
    expect((await s.desk.delete(`/api/console/documents/${filed.body.filedDocumentId}`)).status).toBe(200);
    expect(
      (await download(s.paulApp, `/api/patient/messages/attachments/${attachmentId}`)).bytes.equals(photo),
    ).toBe(true);
    const again = await s.desk.post<{ filedDocumentId: string }>(url, {
      type: 'other',
      title: 'Photo de la dent',
    });
    expect(again.status).toBe(201);
    expect(again.body.filedDocumentId).not.toBe(filed.body.filedDocumentId);
  });
});

describe('predefined replies (MSG-2)', () => {
  it('the admin manages them; staff replies with one: its body and a copy of its attachment', async () => {
    const s = await setup();
    const leaflet = pdf();
    const created = await send<MessageTemplate>(
      s.adminConsole,
      '/api/console/message-templates',
      { title: 'Conseils après extraction', body: 'Ne crachez pas pendant 24 h.' },
      [{ field: 'file', name: 'conseils.pdf', content: leaflet, type: 'application/pdf' }],
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.attachment).toEqual({
      name: 'conseils.pdf',
      contentType: 'application/pdf',
      size: leaflet.length,
    });
    // a secretary uses them but cannot manage them; titles are unique
    expect((await send(s.desk, '/api/console/message-templates', { title: 'Autre', body: 'x' })).status).toBe(
      403,
    );
    const duplicate = await send(s.adminConsole, '/api/console/message-templates', {
      title: 'conseils après extraction',
      body: 'y',
    });
    expect(duplicate.status).toBe(409);
    const listed = await s.desk.get<{ items: MessageTemplate[] }>('/api/console/message-templates');
    expect(listed.body.items.map((item) => item.title)).toEqual(['Conseils après extraction']);
    const preview = await download(s.desk, `/api/console/message-templates/${created.body.id}/attachment`);
    expect(preview.bytes.equals(leaflet)).toBe(true);

    await send(s.paulApp, `/api/patient/messages/threads/${s.paul.id}`, {
      body: 'Dent arrachée, que faire ?',
    });
    const reply = await send(s.desk, `/api/console/messages/threads/${s.paul.id}`, {
      body: '',
      templateId: created.body.id,
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect(reply.body.body).toBe('Ne crachez pas pendant 24 h.');
    expect(reply.body.attachments).toEqual([
      expect.objectContaining({
        name: 'conseils.pdf',
        contentType: 'application/pdf',
        sha256: sha256(leaflet),
      }),
    ]);
    // typed text wins over the template's body; the attachment still comes along
    const edited = await send(s.desk, `/api/console/messages/threads/${s.paul.id}`, {
      body: 'Bonjour Paul, voici nos conseils.',
      templateId: created.body.id,
    });
    expect(edited.body.body).toBe('Bonjour Paul, voici nos conseils.');
    expect(edited.body.attachments).toHaveLength(1);

    // the template changes and goes; the family keeps the copy it received
    const updated = await send<MessageTemplate>(
      s.adminConsole,
      `/api/console/message-templates/${created.body.id}`,
      { title: 'Après extraction', body: 'Nouveau texte', removeAttachment: 'true' },
      [],
      'PUT',
    );
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ title: 'Après extraction', attachment: null });
    expect((await s.adminConsole.delete(`/api/console/message-templates/${created.body.id}`)).status).toBe(
      200,
    );
    expect((await s.adminConsole.delete(`/api/console/message-templates/${created.body.id}`)).status).toBe(
      404,
    );
    const received = await download(
      s.paulApp,
      `/api/patient/messages/attachments/${reply.body.attachments[0]?.id}`,
    );
    expect(received.status).toBe(200);
    expect(received.headers['content-type']).toBe('application/pdf');
    expect(received.bytes.equals(leaflet)).toBe(true);
    // the template's own file was deleted with it: only the two copies remain of that content
    const [copies] = await Promise.all([
      t.deps.db
        .select()
        .from(messageAttachments)
        .where(
          and(
            eq(messageAttachments.practiceId, s.practice.id),
            eq(messageAttachments.sha256, sha256(leaflet)),
          ),
        ),
    ]);
    expect(copies).toHaveLength(2);

    // another practice's template cannot be used
    const elsewhere = await makePractice(t.deps.db);
    const otherAdmin = await makeStaff(t.deps.db, elsewhere.id, { role: 'admin' });
    const otherConsole = await staffClient(t.app, otherAdmin.email, otherAdmin.password);
    const theirs = await send<MessageTemplate>(otherConsole, '/api/console/message-templates', {
      title: 'Chez eux',
      body: 'Texte',
    });
    const borrowed = await send(s.desk, `/api/console/messages/threads/${s.paul.id}`, {
      templateId: theirs.body.id,
    });
    expect(borrowed.status).toBe(404);
  });

  it('refuses a template attachment that is not an image or a PDF and keeps nothing', async () => {
    const s = await setup();
    const before = await storedFiles();
    const refused = await send(
      s.adminConsole,
      '/api/console/message-templates',
      { title: 'Piège', body: 'x' },
      [{ field: 'file', name: 'notice.pdf', content: renamedExe(), type: 'application/pdf' }],
    );
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED' });
    expect(
      (await s.adminConsole.get<{ items: unknown[] }>('/api/console/message-templates')).body.items,
    ).toEqual([]);
    expect(await storedFiles()).toEqual(before);
  });
});

describe('live messages (MSG-3, NOT-4)', () => {
  /** An open event stream over real HTTP whose events are collected as they arrive. */
  const openStream = (url: string, cookie: string) => openEventStream(`${base}${url}`, cookie);

  it('the console hears a patient’s new message; the other parent hears the reply; other families hear nothing', async () => {
    const s = await setup();
    const marieApp = await patientClient(t.app, t.deps.db, s.identities.marie);
    const joseApp = await patientClient(t.app, t.deps.db, s.identities.jose);
    const console_ = await openStream(
      '/api/console/messages/stream',
      `sourire_staff=${s.desk.cookie('sourire_staff')}`,
    );
    const marie = await openStream(
      '/api/patient/messages/stream',
      `sourire_patient=${marieApp.cookie('sourire_patient')}`,
    );
    const jose = await openStream(
      '/api/patient/messages/stream',
      `sourire_patient=${joseApp.cookie('sourire_patient')}`,
    );
    const elsewhere = await makePractice(t.deps.db);
    const other = await makeStaff(t.deps.db, elsewhere.id);
    const otherDesk = await staffClient(t.app, other.email, other.password);
    const otherConsole = await openStream(
      '/api/console/messages/stream',
      `sourire_staff=${otherDesk.cookie('sourire_staff')}`,
    );
    try {
      const sent = await send(s.paulApp, `/api/patient/messages/threads/${s.hugo.id}`, {
        body: 'Hugo a perdu une dent',
      });
      await console_.waitFor((events) => events.some((e) => e.event === 'message'));
      expect(console_.events).toContainEqual({
        event: 'message',
        data: {
          threadId: sent.body.threadId,
          patientId: s.hugo.id,
          messageId: sent.body.id,
          authorKind: 'patient',
        },
      });
      // Marie's phone hears her family's thread too (the message Paul wrote)
      await marie.waitFor((events) => events.some((e) => e.data.messageId === sent.body.id));

      const reply = await send(s.desk, `/api/console/messages/threads/${s.hugo.id}`, { body: 'Gardez-la !' });
      await marie.waitFor((events) => events.some((e) => e.data.messageId === reply.body.id));
      expect(marie.events.find((e) => e.data.messageId === reply.body.id)?.data.authorKind).toBe('staff');
      // Marie opens the thread (shown, then marked read): the console hears it was read
      await marieApp.get(`/api/patient/messages/threads/${s.hugo.id}`);
      await marieApp.post(`/api/patient/messages/threads/${s.hugo.id}/read`);
      await console_.waitFor((events) =>
        events.some((e) => e.event === 'read' && e.data.by === 'patient' && e.data.patientId === s.hugo.id),
      );
      expect(JSON.stringify(console_.events)).not.toContain('Hugo a perdu');

      // a message José can see arrives after the others: everything before it was not for him
      const own = await send(joseApp, `/api/patient/messages/threads/${s.jose.id}`, { body: 'Moi' });
      await jose.waitFor((events) => events.some((e) => e.data.messageId === own.body.id));
      expect(jose.events.map((e) => e.data.patientId)).toEqual([s.jose.id]);
      expect(otherConsole.events).toEqual([]);
    } finally {
      for (const stream of [console_, marie, jose, otherConsole]) stream.close();
    }
  });

  it('ends the stream of a signed-out staff member at the next event', async () => {
    const s = await setup();
    const stream = await openStream(
      '/api/console/messages/stream',
      `sourire_staff=${s.desk.cookie('sourire_staff')}`,
    );
    try {
      expect((await s.desk.post('/api/staff/sign-out')).status).toBe(200);
      await send(s.paulApp, `/api/patient/messages/threads/${s.paul.id}`, { body: 'Allô ?' });
      const deadline = Date.now() + 5_000;
      while (!stream.ended && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(stream.ended).toBe(true);
      expect(stream.events).toEqual([]);
    } finally {
      stream.close();
    }
  });
});

describe('notices across server instances', () => {
  it.runIf(process.env.TEST_DB === 'postgres')(
    'go through PostgreSQL NOTIFY on their own channel, never to agenda listeners',
    async () => {
      const url = process.env.DATABASE_URL ?? '';
      const fail = (error: unknown) => {
        throw error;
      };
      const [one, two] = await Promise.all([postgresBus(url, fail), postgresBus(url, fail)]);
      try {
        const practiceId = randomUUIDLike();
        const notices: LiveNotice[] = [];
        const changes: AgendaChange[] = [];
        two.subscribeNotices(practiceId, (notice) => notices.push(notice));
        two.subscribe(practiceId, (change) => changes.push(change));
        const notice: LiveNotice = {
          kind: 'message',
          practiceId,
          threadId: randomUUIDLike(),
          patientId: randomUUIDLike(),
          messageId: randomUUIDLike(),
          authorKind: 'patient',
        };
        one.publishNotice(notice);
        one.publish({ practiceId, practitionerIds: [] });
        const deadline = Date.now() + 5_000;
        while ((notices.length < 1 || changes.length < 1) && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        expect(notices).toEqual([notice]);
        expect(changes).toEqual([{ practiceId, practitionerIds: [] }]);
      } finally {
        await Promise.all([one.close(), two.close()]);
      }
    },
  );
});

describe('API documentation', () => {
  it('lists the messaging routes', async () => {
    const paths = Object.keys((t.app.swagger() as unknown as { paths: Record<string, unknown> }).paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/patient/messages/threads/{patientId}',
        '/api/patient/messages/threads/{patientId}/read',
        '/api/console/messages',
        '/api/console/messages/threads/{patientId}/read',
        '/api/console/messages/attachments/{attachmentId}/file',
        '/api/console/message-templates/{templateId}',
      ]),
    );
  });
});

/** A well-formed id that names nothing. */
function randomUUIDLike(): string {
  const hex = randomBytes(16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
