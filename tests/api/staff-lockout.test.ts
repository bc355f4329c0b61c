import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knownDeviceCookie } from '../../src/server/modules/staff-auth/known-device';
import { TestClient } from '../support/client';
import { makePractice, makeStaff, testPassword } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

/** Moves to the start of a fresh quarter of an hour (every window here is a minute or 15 minutes),
 * mid 30-second step of the authenticator codes. */
function freshWindow() {
  const quarter = 15 * 60_000;
  t.clock.advance(quarter - (t.clock.now().getTime() % quarter) + 10_000);
}

/** A stranger who knows the email: one wrong password from each of 30 addresses, in one burst. The
 * account-wide counter (10 a minute) is full after the tenth. */
async function attack(email: string) {
  const answers = await Promise.all(
    Array.from({ length: 30 }, () =>
      new TestClient(t.app).post('/api/staff/sign-in', { email, password: 'wrong-password' }),
    ),
  );
  const byStatus: Record<number, number> = {};
  for (const answer of answers) byStatus[answer.status] = (byStatus[answer.status] ?? 0) + 1;
  expect(byStatus).toEqual({ 401: 10, 429: 20 });
}

async function member() {
  const practice = await makePractice(t.deps.db);
  return makeStaff(t.deps.db, practice.id);
}

/** The owner's own computer, where she has signed in before. */
async function ownComputer(email: string) {
  const client = new TestClient(t.app);
  const answer = await client.post('/api/staff/sign-in', { email, password: testPassword });
  expect(answer.status).toBe(200);
  return client;
}

describe('a stranger who knows a staff email cannot lock its owner out (issue 10 §1)', () => {
  it('sets a long-lived HttpOnly SameSite=Lax device cookie on a successful sign-in', async () => {
    const owner = await member();
    const client = new TestClient(t.app);
    const answer = await client.post('/api/staff/sign-in', { email: owner.email, password: testPassword });
    expect(answer.status).toBe(200);
    const cookie = String(answer.headers['set-cookie']);
    const maxAge = new RegExp(`${knownDeviceCookie}=[^;]+; Max-Age=(\\d+);`).exec(cookie)?.[1];
    // 180 days (the suite clock may tick a second between the two readings)
    expect(180 * 24 * 3600 - Number(maxAge)).toBeLessThanOrEqual(2);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(client.cookie(knownDeviceCookie)).not.toContain(owner.email);
    const failed = await new TestClient(t.app).post('/api/staff/sign-in', {
      email: owner.email,
      password: 'wrong-password',
    });
    expect(String(failed.headers['set-cookie'] ?? '')).not.toContain(knownDeviceCookie);
  });

  it('during the attack the owner signs in at once from her known device; a new device is slowed', async () => {
    freshWindow();
    const owner = await member();
    const computer = await ownComputer(owner.email);
    await computer.post('/api/staff/sign-out');
    await attack(owner.email);

    const fromHome = await computer.post('/api/staff/sign-in', {
      email: owner.email,
      password: testPassword,
    });
    expect(fromHome.status).toBe(200);

    const newDevice = await new TestClient(t.app, { ip: computer.ip }).post('/api/staff/sign-in', {
      email: owner.email,
      password: testPassword,
    });
    expect(newDevice.status).toBe(429);
    expect(Number(newDevice.headers['retry-after'])).toBeLessThanOrEqual(60);
  });

  it('a forged device cookie, or one of another account, gives no exemption', async () => {
    freshWindow();
    const owner = await member();
    const colleague = await member();
    const computer = await ownComputer(owner.email);
    const real = computer.cookie(knownDeviceCookie) ?? '';
    const shared = await ownComputer(colleague.email);
    const colleagues = shared.cookie(knownDeviceCookie) ?? '';
    await attack(owner.email);

    const [issued, mac = ''] = real.split('.');
    const forged = [
      `${issued}.${mac.slice(0, -2)}${mac.endsWith('AA') ? 'BB' : 'AA'}`,
      `${Number(issued) + 1}.${mac}`,
      `${t.clock.now().getTime()}.${Buffer.alloc(32).toString('base64url')}`,
      colleagues,
      'garbage',
    ];
    for (const value of forged) {
      const answer = await new TestClient(t.app).post(
        '/api/staff/sign-in',
        { email: owner.email, password: testPassword },
        { cookie: `${knownDeviceCookie}=${value}` },
      );
      expect(answer.status).toBe(429);
    }
    // the real one, sent the same way, does
    const genuine = await new TestClient(t.app).post(
      '/api/staff/sign-in',
      { email: owner.email, password: testPassword },
      { cookie: `${knownDeviceCookie}=${real}` },
    );
    expect(genuine.status).toBe(200);
  });

  it('a shared computer keeps one entry per account, and a device is forgotten after 180 days', async () => {
    freshWindow();
    const owner = await member();
    const colleague = await member();
    const desk = new TestClient(t.app);
    expect(
      (await desk.post('/api/staff/sign-in', { email: owner.email, password: testPassword })).status,
    ).toBe(200);
    await desk.post('/api/staff/sign-out');
    expect(
      (await desk.post('/api/staff/sign-in', { email: colleague.email, password: testPassword })).status,
    ).toBe(200);
    await desk.post('/api/staff/sign-out');
    expect(desk.cookie(knownDeviceCookie)?.split('~')).toHaveLength(2);
    await attack(owner.email);
    expect(
      (await desk.post('/api/staff/sign-in', { email: owner.email, password: testPassword })).status,
    ).toBe(200);
    await desk.post('/api/staff/sign-out');
    expect(desk.cookie(knownDeviceCookie)?.split('~')).toHaveLength(2);

    t.clock.advance(181 * 24 * 3600_000);
    freshWindow();
    const stale = desk.cookie(knownDeviceCookie) ?? '';
    await attack(owner.email);
    const old = await new TestClient(t.app).post(
      '/api/staff/sign-in',
      { email: owner.email, password: testPassword },
      { cookie: `${knownDeviceCookie}=${stale}` },
    );
    expect(old.status).toBe(429);
  });

  it('the known device also spares the lock screen; without it the unlock is slowed', async () => {
    freshWindow();
    const owner = await member();
    const computer = await ownComputer(owner.email);
    await attack(owner.email);
    expect((await computer.post('/api/staff/lock')).status).toBe(200);
    const sessionOnly = `sourire_staff=${computer.cookie('sourire_staff')}`;
    const slowed = await computer.post(
      '/api/staff/unlock',
      { password: testPassword },
      { cookie: sessionOnly },
    );
    expect(slowed.status).toBe(429);
    expect((await computer.post('/api/staff/unlock', { password: testPassword })).status).toBe(200);
  });

  it('the known device also spares a password change; without it the change is slowed', async () => {
    freshWindow();
    const owner = await member();
    const computer = await ownComputer(owner.email);
    await attack(owner.email);
    const change = { currentPassword: testPassword, newPassword: 'a-brand-new-passphrase-42' };
    const sessionOnly = `sourire_staff=${computer.cookie('sourire_staff')}`;
    expect((await computer.post('/api/staff/password', change, { cookie: sessionOnly })).status).toBe(429);
    expect((await computer.post('/api/staff/password', change)).status).toBe(200);
  });

  it('with two-factor sign-in, the device becomes known only after the code', async () => {
    freshWindow();
    const owner = await member();
    const computer = await ownComputer(owner.email);
    const started = await computer.post<{ secret: string }>('/api/staff/mfa/enrolment');
    const code = () =>
      TOTP.generate({ secret: Secret.fromBase32(started.body.secret), timestamp: t.clock.now().getTime() });
    expect(
      (await computer.post('/api/staff/mfa/enrolment/confirm', { code: code(), password: testPassword }))
        .status,
    ).toBe(200);
    t.clock.advance(30_000);

    const laptop = new TestClient(t.app);
    const password = await laptop.post('/api/staff/sign-in', { email: owner.email, password: testPassword });
    expect(password.body).toEqual({ mfaRequired: true });
    expect(laptop.cookie(knownDeviceCookie)).toBeUndefined();
    expect((await laptop.post('/api/staff/sign-in/mfa', { code: code() })).status).toBe(200);
    expect(laptop.cookie(knownDeviceCookie)).toBeDefined();
    await laptop.post('/api/staff/sign-out');

    freshWindow();
    await attack(owner.email);
    const again = await laptop.post('/api/staff/sign-in', { email: owner.email, password: testPassword });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ mfaRequired: true });
  });
});

describe('per-address counters key IPv6 by its /64', () => {
  it('thirty failures spread over one /64 block the whole /64, not the next one', async () => {
    freshWindow();
    const block = '2001:db8:4:a';
    for (let n = 1; n <= 30; n += 1) {
      const answer = await new TestClient(t.app, { ip: `${block}::${n.toString(16)}` }).post(
        '/api/staff/sign-in',
        {
          email: `ghost${n}@test.example`,
          password: 'wrong-password',
        },
      );
      expect(answer.status).toBe(401);
    }
    const owner = await member();
    const sameBlock = await new TestClient(t.app, { ip: `${block}:ffff:ffff:ffff:ffff` }).post(
      '/api/staff/sign-in',
      {
        email: owner.email,
        password: testPassword,
      },
    );
    expect(sameBlock.status).toBe(429);
    const nextBlock = await new TestClient(t.app, { ip: '2001:db8:4:b::1' }).post('/api/staff/sign-in', {
      email: owner.email,
      password: testPassword,
    });
    expect(nextBlock.status).toBe(200);
  });
});
