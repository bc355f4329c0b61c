import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openEventStream } from '../support/event-stream';
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
  const stream = await openEventStream(`${base}/api/console/messages/stream`, cookie);
  const notice = () =>
    t.deps.live.publishNotice({
      kind: 'message',
      practiceId: practice.id,
      threadId: randomUUID(),
      patientId: randomUUID(),
      messageId: randomUUID(),
      authorKind: 'patient',
    });
  try {
    notice();
    await stream.waitFor(() => stream.named('message').length > 0, 3_000);
    expect(stream.named('message')).toHaveLength(1);
    const lock = await fetch(`${base}/api/staff/lock`, { method: 'POST', headers: { cookie } });
    expect(lock.status).toBe(200);
    notice();
    await stream.waitForEnd(3_000);
    expect(stream.ended).toBe(true);
    expect(stream.named('message')).toHaveLength(1);
  } finally {
    stream.close();
  }
});
