import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makePractice, makeStaff, testPassword } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

// Issue 10 §4 (review D): the console's message stream stops for a session that locks.

let t: TestApp;
let base: string;
beforeAll(async () => {
  t = await createTestApp();
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => t.close());

async function signIn(email: string): Promise<string> {
  const answer = await fetch(`${base}/api/staff/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: testPassword }),
  });
  expect(answer.status).toBe(200);
  const cookie = answer.headers
    .getSetCookie()
    .map((header) => header.split(';')[0] ?? '')
    .find((pair) => pair.startsWith('sourire_staff='));
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

it('ends the console message stream of a session that locks, at the next notice', async () => {
  const practice = await makePractice(t.deps.db);
  const member = await makeStaff(t.deps.db, practice.id, { role: 'secretary' });
  const cookie = await signIn(member.email);
  const controller = new AbortController();
  const response = await fetch(`${base}/api/console/messages/stream`, {
    headers: { cookie, accept: 'text/event-stream' },
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  let text = '';
  let ended = false;
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
      }
    } catch {
      // aborted by the test
    } finally {
      ended = true;
    }
  })();
  const notice = () =>
    t.deps.live.publishNotice({
      kind: 'message',
      practiceId: practice.id,
      threadId: randomUUID(),
      patientId: randomUUID(),
      messageId: randomUUID(),
      authorKind: 'patient',
    });
  const waitUntil = async (done: () => boolean) => {
    const deadline = Date.now() + 3_000;
    while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  };
  try {
    notice();
    await waitUntil(() => text.includes('event: message'));
    expect(text.match(/event: message/g)).toHaveLength(1);
    const lock = await fetch(`${base}/api/staff/lock`, { method: 'POST', headers: { cookie } });
    expect(lock.status).toBe(200);
    notice();
    await waitUntil(() => ended);
    expect(ended).toBe(true);
    expect(text.match(/event: message/g)).toHaveLength(1);
  } finally {
    controller.abort();
  }
});
