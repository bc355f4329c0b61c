import { eq } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { staff as staffTable } from '../../src/server/db/schema';
import { newTotpSecret, sealTotpSecret } from '../../src/server/modules/staff-auth/totp';
import { TestClient } from '../support/client';
import { makePractice, makeStaff, testPassword } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

// Issue 10 §4 (review B): confirming an enrolment turns two-step on only for the secret whose code was
// checked. A new enrolment started between the check and the update (another tab) must not be enabled.

/** Runs once, inside the next password check, to play the other tab at the worst moment. */
let duringPasswordCheck: (() => Promise<void>) | null = null;
vi.mock('../../src/server/modules/auth/passwords', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/server/modules/auth/passwords')>();
  return {
    ...original,
    verifyPassword: async (...args: Parameters<typeof original.verifyPassword>) => {
      const hook = duringPasswordCheck;
      duringPasswordCheck = null;
      const right = await original.verifyPassword(...args);
      if (hook) await hook();
      return right;
    },
  };
});

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

it('refuses (409) to enable a secret replaced after its code was checked', async () => {
  const practice = await makePractice(t.deps.db);
  const member = await makeStaff(t.deps.db, practice.id, { role: 'secretary' });
  const client = new TestClient(t.app);
  expect(
    (await client.post('/api/staff/sign-in', { email: member.email, password: testPassword })).status,
  ).toBe(200);
  const started = await client.post<{ secret: string }>('/api/staff/mfa/enrolment');
  expect(started.status).toBe(200);
  const code = TOTP.generate({
    secret: Secret.fromBase32(started.body.secret),
    timestamp: t.clock.now().getTime(),
  });
  const otherSecret = sealTotpSecret(newTotpSecret(), t.deps.config.files.key);
  duringPasswordCheck = async () => {
    await t.deps.db.update(staffTable).set({ totpSecret: otherSecret }).where(eq(staffTable.id, member.id));
  };
  const confirmed = await client.post('/api/staff/mfa/enrolment/confirm', { code, password: testPassword });
  expect(duringPasswordCheck).toBeNull();
  expect(confirmed.status).toBe(409);
  const [row] = await t.deps.db.select().from(staffTable).where(eq(staffTable.id, member.id));
  expect(row?.totpEnabledAt).toBeNull();
  expect((await client.get('/api/staff/me')).body).toMatchObject({ mfa: { enabled: false } });
});
