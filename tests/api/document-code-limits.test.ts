import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../src/server/db/schema';
import { type Answer, staffClient, TestClient } from '../support/client';
import { makePdf, uploadDocument } from '../support/documents';
import { makeStaff, testPassword } from '../support/factories';
import { makeFamily, patientClient } from '../support/patient-session';
import { createTestApp, type TestApp } from '../support/test-app';

// Issue 10 §1: the 60-s gap between two codes of one document (signature, secure link) holds when 100
// requests ask at once: exactly one code is sent.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

/** Moves the clock to just after the start of a minute, so a burst never straddles two windows. */
function freshMinute() {
  const minute = 60_000;
  t.clock.advance(minute - (t.clock.now().getTime() % minute) + 1000);
}

async function burst(count: number, send: (index: number) => Promise<Answer>) {
  const answers = await Promise.all(Array.from({ length: count }, (_, index) => send(index)));
  const byStatus: Record<number, number> = {};
  for (const answer of answers) byStatus[answer.status] = (byStatus[answer.status] ?? 0) + 1;
  for (const answer of answers.filter((one) => one.status === 429)) {
    expect(answer.body.code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
  }
  return byStatus;
}

async function codesTo(practiceId: string, phone: string, kind: string) {
  const rows = await t.deps.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.practiceId, practiceId), eq(outbox.recipient, phone), eq(outbox.kind, kind)));
  return rows.length;
}

async function familyWithDocument(requiresSignature: boolean) {
  const f = await makeFamily(t.deps.db);
  const admin = await makeStaff(t.deps.db, f.practice.id, { role: 'admin' });
  const desk = await staffClient(t.app, admin.email, testPassword);
  const uploaded = await uploadDocument(
    t.app,
    desk,
    f.paul.id,
    { type: 'quote', title: 'Devis', requiresSignature: String(requiresSignature) },
    { name: 'devis.pdf', bytes: await makePdf('Devis') },
  );
  expect(uploaded.status).toBe(201);
  return { ...f, desk, documentId: uploaded.body.id };
}

describe('document codes under 100 parallel requests', () => {
  it('a signature: exactly one code sent to the phone, the others wait (429)', {
    timeout: 120_000,
  }, async () => {
    const f = await familyWithDocument(true);
    const paul = await patientClient(t.app, t.deps.db, f.identities.paul);
    freshMinute();
    const url = `/api/patient/documents/${f.documentId}/signature/code`;
    expect(await burst(100, () => paul.post(url))).toEqual({ 200: 1, 429: 99 });
    expect(await codesTo(f.practice.id, f.phones.paul, 'signature_code')).toBe(1);

    // the gap is a minute, not a lock: a minute later the phone gets a new code
    t.clock.advance(61_000);
    expect((await paul.post(url)).status).toBe(200);
    expect(await codesTo(f.practice.id, f.phones.paul, 'signature_code')).toBe(2);
  });

  it('a secure link: exactly one code sent to its phone, from 100 addresses at once', {
    timeout: 120_000,
  }, async () => {
    const f = await familyWithDocument(false);
    const link = await f.desk.post(`/api/console/documents/${f.documentId}/secure-links`, {
      phone: f.phones.jose,
    });
    expect(link.status).toBe(201);
    const [sms] = await t.deps.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.recipient, f.phones.jose), eq(outbox.kind, 'secure_link')));
    const token = sms?.body.match(/\/rdv\/document\/([A-Za-z0-9_-]{43})/)?.[1];
    expect(token).toBeDefined();
    freshMinute();
    const url = `/api/public/secure/${token}/code`;
    expect(await burst(100, () => new TestClient(t.app).post(url))).toEqual({ 200: 1, 429: 99 });
    expect(await codesTo(f.practice.id, f.phones.jose, 'secure_link_code')).toBe(1);

    t.clock.advance(61_000);
    expect((await new TestClient(t.app).post(url)).status).toBe(200);
    expect(await codesTo(f.practice.id, f.phones.jose, 'secure_link_code')).toBe(2);
  });
});
