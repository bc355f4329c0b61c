import { and, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../src/server/db/schema';
import { takeToken } from '../../src/server/modules/auth/rate-limit';
import { type Answer, TestClient } from '../support/client';
import { lastCodeSentTo, makePatient, makePractice, makeSchedulingPractice } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

// Issue 10 §1: every limit fired at by 100 requests at once lets through exactly its number.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

/** Moves the clock to just after the start of an hour, so a burst never straddles two windows. */
function freshWindow() {
  const hour = 60 * 60_000;
  t.clock.advance(hour - (t.clock.now().getTime() % hour) + 1000);
}

async function burst(count: number, send: (index: number) => Promise<Answer>) {
  const answers = await Promise.all(Array.from({ length: count }, (_, index) => send(index)));
  const byStatus: Record<number, number> = {};
  for (const answer of answers) byStatus[answer.status] = (byStatus[answer.status] ?? 0) + 1;
  for (const answer of answers.filter((one) => one.status === 429)) {
    expect(answer.body.code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
    expect((answer.body.details as { retryAfterSeconds: number }).retryAfterSeconds).toBe(
      Number(answer.headers['retry-after']),
    );
  }
  return { answers, byStatus };
}

async function smsTo(practiceId: string, phone: string) {
  return t.deps.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.practiceId, practiceId), eq(outbox.recipient, phone)));
}

async function patientOf(practiceId: string, mobilePhone: string) {
  return makePatient(t.deps.db, practiceId, {
    lastName: 'Durand',
    firstName: 'Paul',
    birthDate: '1980-03-14',
    mobilePhone,
  });
}

const paul = { phone: '06 39 98 10 01', lastName: 'Durand', firstName: 'Paul', birthDate: '1980-03-14' };

describe('patient app sign-in under 100 parallel requests', () => {
  it('one identity from one address: exactly 5 codes sent to the phone', async () => {
    freshWindow();
    const practice = await makePractice(t.deps.db);
    await patientOf(practice.id, '+33639981001');
    const client = new TestClient(t.app);
    const { byStatus } = await burst(100, () =>
      client.post('/api/patient/sign-in', { practice: practice.slug, ...paul }),
    );
    expect(byStatus).toEqual({ 200: 5, 429: 95 });
    expect(await smsTo(practice.id, '+33639981001')).toHaveLength(5);
  });

  it('one identity from 100 addresses: still exactly 5 codes sent to the phone', async () => {
    freshWindow();
    const practice = await makePractice(t.deps.db);
    await patientOf(practice.id, '+33639981001');
    const { byStatus } = await burst(100, () =>
      new TestClient(t.app).post('/api/patient/sign-in', { practice: practice.slug, ...paul }),
    );
    expect(byStatus).toEqual({ 200: 5, 429: 95 });
    expect(await smsTo(practice.id, '+33639981001')).toHaveLength(5);
  });

  it('wrong identities from one address: exactly 20 looked up', async () => {
    freshWindow();
    const practice = await makePractice(t.deps.db);
    await patientOf(practice.id, '+33639981001');
    const client = new TestClient(t.app);
    const { answers, byStatus } = await burst(100, (index) =>
      client.post('/api/patient/sign-in', { practice: practice.slug, ...paul, firstName: `Nobody${index}` }),
    );
    expect(byStatus).toEqual({ 400: 20, 429: 80 });
    expect(answers.filter((answer) => answer.body.code === 'IDENTITY_NOT_MATCHED')).toHaveLength(20);
    expect(await smsTo(practice.id, '+33639981001')).toHaveLength(0);
  });

  it('100 guesses of one code: exactly 5 compared, then the code is dead even when right', async () => {
    freshWindow();
    const practice = await makePractice(t.deps.db);
    await patientOf(practice.id, '+33639981001');
    const client = new TestClient(t.app);
    const start = await client.post<{ challengeId: string }>('/api/patient/sign-in', {
      practice: practice.slug,
      ...paul,
    });
    const code = await lastCodeSentTo(t.deps.db, '+33639981001');
    const wrong = code === '000000' ? '111111' : '000000';
    const { answers } = await burst(100, () =>
      new TestClient(t.app).post('/api/patient/sign-in/verify', {
        challengeId: start.body.challengeId,
        code: wrong,
      }),
    );
    const codes = answers.map((answer) => answer.body.code);
    expect(codes.filter((one) => one === 'CODE_INVALID')).toHaveLength(5);
    expect(codes.filter((one) => one === 'CODE_EXPIRED')).toHaveLength(95);
    const late = await client.post('/api/patient/sign-in/verify', {
      challengeId: start.body.challengeId,
      code,
    });
    expect(late.body.code).toBe('CODE_EXPIRED');
  });

  it('100 resends of one challenge after 60 s: exactly 1 new code', async () => {
    freshWindow();
    const practice = await makePractice(t.deps.db);
    await patientOf(practice.id, '+33639981001');
    const client = new TestClient(t.app);
    const start = await client.post<{ challengeId: string }>('/api/patient/sign-in', {
      practice: practice.slug,
      ...paul,
    });
    t.clock.advance(61_000);
    const { byStatus } = await burst(100, () =>
      client.post('/api/patient/sign-in/resend', { challengeId: start.body.challengeId }),
    );
    expect(byStatus).toEqual({ 200: 1, 429: 99 });
    expect(await smsTo(practice.id, '+33639981001')).toHaveLength(2);
  });
});

describe('booking identification under 100 parallel requests', () => {
  it('one phone: exactly 5 codes sent', async () => {
    freshWindow();
    const { practice } = await makeSchedulingPractice(t.deps.db);
    const { byStatus } = await burst(100, () =>
      new TestClient(t.app).post(`/api/public/practices/${practice.slug}/booking/identify`, {
        ...paul,
        phone: '06 39 98 20 01',
      }),
    );
    expect(byStatus).toEqual({ 200: 5, 429: 95 });
    expect(await smsTo(practice.id, '+33639982001')).toHaveLength(5);
  });

  it('one address, 100 phones: exactly 30 codes sent', async () => {
    freshWindow();
    const { practice } = await makeSchedulingPractice(t.deps.db);
    const client = new TestClient(t.app);
    const { byStatus } = await burst(100, (index) =>
      client.post(`/api/public/practices/${practice.slug}/booking/identify`, {
        ...paul,
        phone: `06 39 98 3${String(index).padStart(3, '0')}`.replace(/(\d{2})(\d{2})$/, '$1 $2'),
      }),
    );
    expect(byStatus).toEqual({ 200: 30, 429: 70 });
    const sent = await t.deps.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.practiceId, practice.id), eq(outbox.kind, 'booking_code')));
    expect(sent).toHaveLength(30);
  });
});

describe('takeToken against a model of fixed windows', () => {
  it('allows a hit exactly while its window holds fewer than the limit, and says when the window ends', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom(1_000, 60_000, 15 * 60_000),
        fc.integer({ min: 0, max: 10 ** 9 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 12 }),
        async (max, windowMs, origin, steps) => {
          run += 1;
          const limit = { max, windowMs };
          const key = `property:${run}:${origin}`;
          const counts = new Map<number, number>();
          // hits a few milliseconds to a window and a half apart, landing on either side of boundaries
          let at = 1_700_000_000_000 + origin;
          for (const step of steps) {
            at += [0, 1, windowMs - 1, windowMs + windowMs / 2][step] ?? 0;
            const now = new Date(at);
            const window = Math.floor(at / windowMs);
            const before = counts.get(window) ?? 0;
            const result = await takeToken(t.deps.db, key, limit, now);
            expect(result.allowed).toBe(before < max);
            if (result.allowed) {
              counts.set(window, before + 1);
              expect(result.remaining).toBe(max - before - 1);
            } else {
              const end = (window + 1) * windowMs;
              expect(result.retryAfterSeconds).toBe(Math.max(1, Math.ceil((end - at) / 1000)));
              expect(at + result.retryAfterSeconds * 1000).toBeGreaterThanOrEqual(end);
            }
          }
        },
      ),
      { numRuns: 40, seed: 20261202 },
    );
  });
});
