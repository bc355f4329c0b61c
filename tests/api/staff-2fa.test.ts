import { and, eq, like } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, outbox, rateLimits, staff as staffTable } from '../../src/server/db/schema';
import { TestClient } from '../support/client';
import { makePractice, makeStaff, testPassword } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

/** The code an authenticator app shows at the server's `now` (shifted by whole steps if asked). */
function codeFor(secret: string, stepsLater = 0): string {
  return TOTP.generate({
    secret: Secret.fromBase32(secret),
    timestamp: t.clock.now().getTime() + stepsLater * 30_000,
  });
}

/** Moves to the start of a fresh quarter of an hour (windows of the limits), mid 30-second step. */
function freshWindow() {
  const quarter = 15 * 60_000;
  t.clock.advance(quarter - (t.clock.now().getTime() % quarter) + 10_000);
}

async function signedIn(role: 'admin' | 'practitioner' | 'secretary' = 'secretary', practiceId?: string) {
  const id = practiceId ?? (await makePractice(t.deps.db)).id;
  const member = await makeStaff(t.deps.db, id, { role });
  const client = new TestClient(t.app);
  const answer = await client.post('/api/staff/sign-in', { email: member.email, password: testPassword });
  expect(answer.status).toBe(200);
  return { practiceId: id, member, client };
}

/** Enrols the signed-in member; returns the secret and the recovery codes. */
async function enrol(client: TestClient) {
  const started = await client.post<{ secret: string; uri: string; qrSvg: string }>(
    '/api/staff/mfa/enrolment',
  );
  expect(started.status).toBe(200);
  const confirmed = await client.post<{ recoveryCodes: string[] }>('/api/staff/mfa/enrolment/confirm', {
    code: codeFor(started.body.secret),
    password: testPassword,
  });
  expect(confirmed.status).toBe(200);
  // the code used to confirm is spent: move to the next step for the next code
  t.clock.advance(30_000);
  return { secret: started.body.secret, recoveryCodes: confirmed.body.recoveryCodes };
}

/** A fresh client past the password step: it holds the ticket cookie, no session. */
async function passwordStep(email: string) {
  const client = new TestClient(t.app);
  const answer = await client.post('/api/staff/sign-in', { email, password: testPassword });
  expect(answer.status).toBe(200);
  expect(answer.body).toEqual({ mfaRequired: true });
  return client;
}

describe('two-factor enrolment', () => {
  it('shows a secret, its otpauth URI and a QR code; a wrong code does not enable it', async () => {
    const { member, client } = await signedIn();
    const started = await client.post<{ secret: string; uri: string; qrSvg: string }>(
      '/api/staff/mfa/enrolment',
    );
    expect(started.status).toBe(200);
    expect(started.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(started.body.uri).toContain(`secret=${started.body.secret}`);
    expect(started.body.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    const wrong = String((Number(codeFor(started.body.secret)) + 1) % 1_000_000).padStart(6, '0');
    const refused = await client.post('/api/staff/mfa/enrolment/confirm', {
      code: wrong,
      password: testPassword,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('CODE_INVALID');
    expect((await client.get('/api/staff/me')).body).toMatchObject({ mfa: { enabled: false } });
    // the secret is not stored in clear
    const [row] = await t.deps.db.select().from(staffTable).where(eq(staffTable.id, member.id));
    expect(row?.totpSecret).not.toContain(started.body.secret);
  });

  it('a right code enables it and gives ten distinct recovery codes; enrolling again is a conflict', async () => {
    const { client } = await signedIn();
    const { recoveryCodes } = await enrol(client);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect((await client.get('/api/staff/me')).body).toMatchObject({ mfa: { enabled: true } });
    expect((await client.post('/api/staff/mfa/enrolment')).status).toBe(409);
  });

  it('needs a session', async () => {
    expect((await new TestClient(t.app).post('/api/staff/mfa/enrolment')).status).toBe(401);
  });

  it('needs the current password: a wrong one is a field error counted with the sign-in failures', async () => {
    const { member, client } = await signedIn();
    const started = await client.post<{ secret: string }>('/api/staff/mfa/enrolment');
    const code = codeFor(started.body.secret);
    const missing = await client.post('/api/staff/mfa/enrolment/confirm', { code });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body.issues)).toContain('"path":"password"');
    const countedFailures = async () => {
      const rows = await t.deps.db
        .select({ count: rateLimits.count })
        .from(rateLimits)
        .where(like(rateLimits.key, `staff-login:account:${member.email.toLowerCase()}`));
      return rows.reduce((sum, row) => sum + row.count, 0);
    };
    const before = await countedFailures();
    const wrong = await client.post('/api/staff/mfa/enrolment/confirm', { code, password: 'not-it-at-all' });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body.issues)).toContain('"path":"password"');
    expect(await countedFailures()).toBe(before + 1);
    expect((await client.get('/api/staff/me')).body).toMatchObject({ mfa: { enabled: false } });
    const right = await client.post('/api/staff/mfa/enrolment/confirm', { code, password: testPassword });
    expect(right.status).toBe(200);
    t.clock.advance(30_000);
  });
});

describe('signing in with two factors', () => {
  it('a right password gives no session until the code; the right code signs in', async () => {
    const { member, client } = await signedIn();
    const { secret } = await enrol(client);
    const pending = await passwordStep(member.email);
    expect(pending.cookie('sourire_staff')).toBeUndefined();
    expect((await pending.get('/api/staff/me')).status).toBe(401);
    const done = await pending.post('/api/staff/sign-in/mfa', { code: codeFor(secret) });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ id: member.id, mfa: { enabled: true } });
    expect((await pending.get('/api/staff/me')).status).toBe(200);
    const entries = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, member.id), eq(auditLog.action, 'staff.sign_in')));
    expect(entries.map((entry) => entry.details)).toContainEqual({ secondFactor: 'totp' });
  });

  it('refuses a wrong code, and a code already used in its window (replay)', async () => {
    const { member, client } = await signedIn();
    const { secret } = await enrol(client);
    const first = await passwordStep(member.email);
    const wrong = await first.post('/api/staff/sign-in/mfa', { code: codeFor(secret, 5) });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: 'CODE_INVALID', details: { attemptsLeft: 4 } });
    const code = codeFor(secret);
    expect((await first.post('/api/staff/sign-in/mfa', { code })).status).toBe(200);
    const second = await passwordStep(member.email);
    const replay = await second.post('/api/staff/sign-in/mfa', { code });
    expect(replay.status).toBe(400);
    expect(replay.body.code).toBe('CODE_INVALID');
    expect((await second.get('/api/staff/me')).status).toBe(401);
  });

  it('a recovery code signs in once', async () => {
    const { member, client } = await signedIn();
    const { recoveryCodes } = await enrol(client);
    const code = recoveryCodes[3] ?? '';
    const first = await passwordStep(member.email);
    expect((await first.post('/api/staff/sign-in/mfa', { code: code.toUpperCase() })).status).toBe(200);
    const second = await passwordStep(member.email);
    expect((await second.post('/api/staff/sign-in/mfa', { code })).status).toBe(400);
  });

  it('a ticket is good for 5 minutes, and the code step needs one', async () => {
    const { member, client } = await signedIn();
    const { secret } = await enrol(client);
    const pending = await passwordStep(member.email);
    t.clock.advance(5 * 60_000 + 1000);
    expect((await pending.post('/api/staff/sign-in/mfa', { code: codeFor(secret) })).status).toBe(410);
    expect((await new TestClient(t.app).post('/api/staff/sign-in/mfa', { code: '123456' })).status).toBe(410);
  });

  it('refuses a malformed code with a field message', async () => {
    const answer = await new TestClient(t.app).post('/api/staff/sign-in/mfa', { code: '12' });
    expect(answer.status).toBe(400);
    expect(answer.body.issues).toEqual([
      {
        path: 'code',
        message: 'Saisissez le code à 6 chiffres de votre application, ou un code de secours.',
      },
    ]);
  });

  it('100 parallel guesses on one ticket: exactly 5 codes checked', async () => {
    freshWindow();
    const { member, client } = await signedIn();
    const { secret } = await enrol(client);
    const pending = await passwordStep(member.email);
    const wrong = codeFor(secret, 10);
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => pending.post('/api/staff/sign-in/mfa', { code: wrong })),
    );
    const codes = answers.map((answer) => answer.body.code);
    expect(codes.filter((code) => code === 'CODE_INVALID')).toHaveLength(5);
    expect(codes.filter((code) => code === 'CODE_EXPIRED')).toHaveLength(95);
    // the ticket is dead: even the right code no longer opens it
    expect((await pending.post('/api/staff/sign-in/mfa', { code: codeFor(secret) })).status).toBe(410);
  });

  it('100 parallel guesses over 20 tickets of one account: exactly 10 codes checked in the quarter hour', async () => {
    freshWindow();
    const { member, client } = await signedIn();
    const { secret } = await enrol(client);
    const tickets: TestClient[] = [];
    for (let i = 0; i < 20; i += 1) tickets.push(await passwordStep(member.email));
    const wrong = codeFor(secret, 10);
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        (tickets[i % 20] as TestClient).post('/api/staff/sign-in/mfa', { code: wrong }),
      ),
    );
    const codes = answers.map((answer) => answer.body.code);
    expect(codes.filter((code) => code === 'CODE_INVALID')).toHaveLength(10);
    expect(codes.filter((code) => code === 'TOO_MANY_ATTEMPTS')).toHaveLength(90);
  });

  it('30 wrong codes a day per account at most, then refused all day; member and admins told once', async () => {
    // the start of a fresh UTC day, mid 30-second step: four quarter hours fit in it
    const day = 24 * 60 * 60_000;
    t.clock.advance(day - (t.clock.now().getTime() % day) + 10_000);
    const { practiceId, client: adminClient, member: admin } = await signedIn('admin');
    await enrol(adminClient);
    const { member, client } = await signedIn('secretary', practiceId);
    const { secret } = await enrol(client);
    const checked: number[] = [];
    for (let quarter = 0; quarter < 4; quarter += 1) {
      if (quarter > 0) t.clock.advance(15 * 60_000);
      const tickets: TestClient[] = [];
      for (let i = 0; i < 20; i += 1) tickets.push(await passwordStep(member.email));
      const wrong = codeFor(secret, 10);
      const answers = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          (tickets[i % 20] as TestClient).post('/api/staff/sign-in/mfa', { code: wrong }),
        ),
      );
      checked.push(answers.filter((answer) => answer.body.code === 'CODE_INVALID').length);
      expect(answers.filter((answer) => answer.status === 429)).toHaveLength(100 - (checked.at(-1) ?? 0));
    }
    expect(checked).toEqual([10, 10, 10, 0]);
    // even the right code waits for the next day
    const pending = await passwordStep(member.email);
    expect((await pending.post('/api/staff/sign-in/mfa', { code: codeFor(secret) })).status).toBe(429);
    const alerts = await t.deps.db
      .select({ recipient: outbox.recipient, body: outbox.body })
      .from(outbox)
      .where(and(eq(outbox.practiceId, practiceId), eq(outbox.kind, 'staff_mfa_guessing')));
    expect(alerts.map((alert) => alert.recipient).sort()).toEqual([admin.email, member.email].sort());
    expect(alerts[0]?.body).toContain('changez-le');
    t.clock.advance(day);
    const nextDay = await passwordStep(member.email);
    expect((await nextDay.post('/api/staff/sign-in/mfa', { code: codeFor(secret) })).status).toBe(200);
  });

  it('turning it off takes the password and a code', async () => {
    const { member, client } = await signedIn();
    const { secret } = await enrol(client);
    const noPassword = await client.post('/api/staff/mfa/disable', {
      password: 'wrong-password',
      code: codeFor(secret),
    });
    expect(noPassword.status).toBe(400);
    const noCode = await client.post('/api/staff/mfa/disable', {
      password: testPassword,
      code: codeFor(secret, 5),
    });
    expect(noCode.status).toBe(400);
    const done = await client.post('/api/staff/mfa/disable', {
      password: testPassword,
      code: codeFor(secret),
    });
    expect(done.status).toBe(200);
    const plain = await new TestClient(t.app).post('/api/staff/sign-in', {
      email: member.email,
      password: testPassword,
    });
    expect(plain.body).toMatchObject({ id: member.id, mfa: { enabled: false } });
  });

  it('the lock screen asks only for the password', async () => {
    const { member, client } = await signedIn();
    const { secret } = await enrol(client);
    const pending = await passwordStep(member.email);
    expect((await pending.post('/api/staff/sign-in/mfa', { code: codeFor(secret) })).status).toBe(200);
    expect((await pending.post('/api/staff/lock')).status).toBe(200);
    expect((await pending.get('/api/console/patients?q=a')).body.code).toBe('SESSION_LOCKED');
    expect((await pending.post('/api/staff/unlock', { password: testPassword })).status).toBe(200);
    expect((await pending.get('/api/staff/me')).body).toMatchObject({ locked: false });
  });
});

describe('two factors required by the practice', () => {
  it('only the admin sets it, and it applies to the admin too', async () => {
    const { practiceId, client: secretary } = await signedIn('secretary');
    const refused = await secretary.patch('/api/console/settings/practice', { staffMfaRequired: true });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    const { client: admin } = await signedIn('admin', practiceId);
    const set = await admin.patch('/api/console/settings/practice', { staffMfaRequired: true });
    expect(set.status).toBe(200);
    const next = await admin.get('/api/console/settings/practice');
    expect(next.status).toBe(403);
    expect(next.body.code).toBe('MFA_ENROLMENT_REQUIRED');
  });

  it('a member without a second factor must enrol first: every other route answers 403 until then', async () => {
    const { practiceId, client: admin } = await signedIn('admin');
    await enrol(admin);
    const set = await admin.patch('/api/console/settings/practice', { staffMfaRequired: true });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ staffMfaRequired: true });

    const { client } = await signedIn('secretary', practiceId);
    const me = await client.get('/api/staff/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ mfa: { enabled: false, enrolmentRequired: true } });
    const elsewhere = await client.get('/api/console/patients?q=a');
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.code).toBe('MFA_ENROLMENT_REQUIRED');
    await enrol(client);
    expect((await client.get('/api/console/patients?q=a')).status).toBe(200);
    expect((await client.get('/api/staff/me')).body).toMatchObject({
      mfa: { enabled: true, enrolmentRequired: false },
    });
  });
});
