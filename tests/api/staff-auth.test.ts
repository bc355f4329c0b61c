import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, outbox, practices } from '../../src/server/db/schema';
import { type Answer, TestClient } from '../support/client';
import { lastMessageTo, makePractice, makeStaff, testPassword } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

/** Moves the clock to just after the start of a quarter of an hour, so a burst never straddles two
 * rate-limit windows (every window here is a minute or 15 minutes). */
function freshWindow() {
  const quarter = 15 * 60_000;
  t.clock.advance(quarter - (t.clock.now().getTime() % quarter) + 1000);
}

async function signedIn(role: 'admin' | 'practitioner' | 'secretary' = 'secretary') {
  const practice = await makePractice(t.deps.db);
  const member = await makeStaff(t.deps.db, practice.id, { role });
  const client = new TestClient(t.app);
  const answer = await client.post('/api/staff/sign-in', { email: member.email, password: testPassword });
  expect(answer.status).toBe(200);
  return { practice, member, client };
}

describe('staff sign-in', () => {
  it('signs in with email and password, sets an HttpOnly SameSite cookie, and knows the member', async () => {
    const practice = await makePractice(t.deps.db);
    const member = await makeStaff(t.deps.db, practice.id, { role: 'practitioner' });
    const client = new TestClient(t.app);
    const answer = await client.post('/api/staff/sign-in', {
      email: member.email.toUpperCase(),
      password: testPassword,
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id: member.id, role: 'practitioner', locked: false });
    const setCookie = String(answer.headers['set-cookie']);
    expect(setCookie).toMatch(/sourire_staff=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const me = await client.get('/api/staff/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: member.id, practice: { id: practice.id } });
  });

  it('gives the same answer for a wrong password and an unknown account', async () => {
    const practice = await makePractice(t.deps.db);
    const member = await makeStaff(t.deps.db, practice.id);
    const wrong = await new TestClient(t.app).post('/api/staff/sign-in', {
      email: member.email,
      password: 'nope-nope-nope',
    });
    const unknown = await new TestClient(t.app).post('/api/staff/sign-in', {
      email: 'nobody@test.example',
      password: 'nope-nope-nope',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.body.message).toBe(wrong.body.message);
  });

  it('refuses an invited member who has no password yet', async () => {
    const practice = await makePractice(t.deps.db);
    const member = await makeStaff(t.deps.db, practice.id, { password: null });
    const answer = await new TestClient(t.app).post('/api/staff/sign-in', {
      email: member.email,
      password: 'anything-at-all',
    });
    expect(answer.status).toBe(401);
  });

  it('a stranger failing from one address is refused there, and the owner still signs in from hers', async () => {
    freshWindow();
    const practice = await makePractice(t.deps.db);
    const member = await makeStaff(t.deps.db, practice.id);
    const stranger = new TestClient(t.app);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const answer = await stranger.post('/api/staff/sign-in', {
        email: member.email,
        password: 'wrong-password',
      });
      expect(answer.status).toBe(401);
    }
    const blocked = await stranger.post('/api/staff/sign-in', {
      email: member.email,
      password: testPassword,
    });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    const owner = await new TestClient(t.app).post('/api/staff/sign-in', {
      email: member.email,
      password: testPassword,
    });
    expect(owner.status).toBe(200);
  });

  it('failures spread over many addresses slow the account down for a minute, not longer', async () => {
    freshWindow();
    const practice = await makePractice(t.deps.db);
    const member = await makeStaff(t.deps.db, practice.id);
    for (let attempt = 0; attempt < 10; attempt += 1) {
      // a different address each time: the per-account count must hold on its own
      const answer = await new TestClient(t.app).post('/api/staff/sign-in', {
        email: member.email,
        password: 'wrong-password',
      });
      expect(answer.status).toBe(401);
    }
    const slowed = await new TestClient(t.app).post('/api/staff/sign-in', {
      email: member.email,
      password: testPassword,
    });
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers['retry-after'])).toBeLessThanOrEqual(60);
    t.clock.advance(60_000);
    const later = await new TestClient(t.app).post('/api/staff/sign-in', {
      email: member.email,
      password: testPassword,
    });
    expect(later.status).toBe(200);
  });

  it('limits failures per address across accounts', async () => {
    const practice = await makePractice(t.deps.db);
    const client = new TestClient(t.app);
    for (let attempt = 0; attempt < 30; attempt += 1) {
      await client.post('/api/staff/sign-in', {
        email: `ghost${attempt}@test.example`,
        password: 'wrong-password',
      });
    }
    const member = await makeStaff(t.deps.db, practice.id);
    const blocked = await client.post('/api/staff/sign-in', { email: member.email, password: testPassword });
    expect(blocked.status).toBe(429);
  });

  it('signs out: the session is dead afterwards', async () => {
    const { client } = await signedIn();
    expect((await client.post('/api/staff/sign-out')).status).toBe(200);
    expect((await client.get('/api/staff/me')).status).toBe(401);
  });

  it('audits sign-ins', async () => {
    const { member, practice } = await signedIn();
    const rows = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.practiceId, practice.id), eq(auditLog.action, 'staff.sign_in')));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorKind: 'staff', actorId: member.id, entityId: member.id });
  });
});

describe('automatic lock', () => {
  it('locks after the practice’s inactivity delay, keeps the session, and unlocks with the password', async () => {
    const { client, practice } = await signedIn();
    await t.deps.db.update(practices).set({ autoLockSeconds: 60 }).where(eq(practices.id, practice.id));
    t.clock.advance(61_000);
    const locked = await client.get('/api/console/outbox');
    expect(locked.status).toBe(401);
    expect(locked.body.code).toBe('SESSION_LOCKED');
    const me = await client.get('/api/staff/me');
    expect(me.status).toBe(200);
    expect(me.body.locked).toBe(true);

    const wrong = await client.post('/api/staff/unlock', { password: 'not-my-password' });
    expect(wrong.status).toBe(401);
    expect((await client.get('/api/staff/me')).body.locked).toBe(true);

    const unlocked = await client.post('/api/staff/unlock', { password: testPassword });
    expect(unlocked.status).toBe(200);
    expect((await client.get('/api/staff/me')).body.locked).toBe(false);
  });

  it('stays unlocked while the person is active', async () => {
    const { client, practice } = await signedIn();
    await t.deps.db.update(practices).set({ autoLockSeconds: 60 }).where(eq(practices.id, practice.id));
    for (let minute = 0; minute < 3; minute += 1) {
      t.clock.advance(40_000);
      expect((await client.post('/api/staff/activity')).status).toBe(200);
    }
  });

  it('does not count background polling as activity', async () => {
    const { client, practice } = await signedIn();
    await t.deps.db.update(practices).set({ autoLockSeconds: 60 }).where(eq(practices.id, practice.id));
    t.clock.advance(40_000);
    await client.get('/api/staff/me');
    t.clock.advance(40_000);
    expect((await client.get('/api/staff/me')).body.locked).toBe(true);
  });

  it('locks at once when the console asks', async () => {
    const { client } = await signedIn();
    await client.post('/api/staff/lock');
    expect((await client.get('/api/staff/me')).body.locked).toBe(true);
    expect((await client.post('/api/staff/activity')).body.code).toBe('SESSION_LOCKED');
  });
});

describe('roles', () => {
  it('refuses an admin-only route to a secretary with 403', async () => {
    const { client } = await signedIn('secretary');
    const answer = await client.get('/api/console/outbox');
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe('FORBIDDEN');
    expect((await client.post('/api/console/staff/invitations', {})).status).toBe(403);
  });

  it('refuses admin routes to practitioners too, and lets the admin in', async () => {
    expect((await (await signedIn('practitioner')).client.get('/api/console/staff')).status).toBe(403);
    expect((await (await signedIn('admin')).client.get('/api/console/staff')).status).toBe(200);
  });

  it('refuses staff routes without a session with 401', async () => {
    expect((await new TestClient(t.app).get('/api/console/staff')).status).toBe(401);
  });
});

describe('invitations', () => {
  it('invites by email; the one-time link sets a password and signs in, once', async () => {
    const { client, practice } = await signedIn('admin');
    const email = `new-${Date.now()}@test.example`;
    const invited = await client.post('/api/console/staff/invitations', {
      email,
      role: 'practitioner',
      title: 'Dr',
      firstName: 'Inès',
      lastName: 'Roux',
    });
    expect(invited.status).toBe(201);
    const mail = await lastMessageTo(t.deps.db, email);
    expect(mail?.channel).toBe('email');
    expect(mail?.practiceId).toBe(practice.id);
    const token = mail?.body.match(/invitation#([\w-]+)/)?.[1] ?? '';
    expect(token.length).toBeGreaterThan(20);

    const newcomer = new TestClient(t.app);
    const info = await newcomer.post('/api/staff/invitations/inspect', { token });
    expect(info.body).toMatchObject({ email, firstName: 'Inès' });
    const weak = await newcomer.post('/api/staff/invitations/accept', { token, password: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.issues).toEqual([{ path: 'password', message: expect.stringContaining('10') }]);
    const accepted = await newcomer.post('/api/staff/invitations/accept', {
      token,
      password: 'a-long-password',
    });
    expect(accepted.status).toBe(200);
    expect((await newcomer.get('/api/staff/me')).body).toMatchObject({ email, role: 'practitioner' });

    const again = await new TestClient(t.app).post('/api/staff/invitations/accept', {
      token,
      password: 'another-password',
    });
    expect(again.status).toBe(410);
    expect(again.body.code).toBe('INVITATION_INVALID');
    const signIn = await new TestClient(t.app).post('/api/staff/sign-in', {
      email,
      password: 'a-long-password',
    });
    expect(signIn.status).toBe(200);
  });

  it('expires after seven days', async () => {
    const { client } = await signedIn('admin');
    const email = `late-${Date.now()}@test.example`;
    await client.post('/api/console/staff/invitations', {
      email,
      role: 'secretary',
      firstName: 'Léo',
      lastName: 'Petit',
    });
    const token = (await lastMessageTo(t.deps.db, email))?.body.match(/invitation#([\w-]+)/)?.[1] ?? '';
    t.clock.advance(7 * 86_400_000 + 1000);
    const answer = await new TestClient(t.app).post('/api/staff/invitations/accept', {
      token,
      password: 'a-long-password',
    });
    expect(answer.status).toBe(410);
  });

  it('refuses an address already used by an active account', async () => {
    const { client, member } = await signedIn('admin');
    const answer = await client.post('/api/console/staff/invitations', {
      email: member.email,
      role: 'secretary',
      firstName: 'X',
      lastName: 'Y',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.issues).toEqual([{ path: 'email', message: expect.any(String) }]);
  });
});

describe('staff sign-in limits under 100 parallel requests', () => {
  async function burst(count: number, send: (index: number) => Promise<Answer>) {
    const answers = await Promise.all(Array.from({ length: count }, (_, index) => send(index)));
    const refused = answers.filter((answer) => answer.status === 429);
    for (const answer of refused) {
      expect(answer.body.code).toBe('TOO_MANY_ATTEMPTS');
      expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
    }
    return { checked: answers.filter((answer) => answer.status === 401).length, refused: refused.length };
  }

  it('one account from one address: exactly 5 passwords checked', async () => {
    freshWindow();
    const practice = await makePractice(t.deps.db);
    const member = await makeStaff(t.deps.db, practice.id);
    const client = new TestClient(t.app);
    const counts = await burst(100, () =>
      client.post('/api/staff/sign-in', { email: member.email, password: 'wrong-password' }),
    );
    expect(counts).toEqual({ checked: 5, refused: 95 });
    const failures = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, member.id), eq(auditLog.action, 'staff.sign_in_failed')));
    expect(failures).toHaveLength(5);
  });

  it('one account from 100 addresses: exactly 10 passwords checked in the minute', async () => {
    freshWindow();
    const practice = await makePractice(t.deps.db);
    const admin = await makeStaff(t.deps.db, practice.id, { role: 'admin' });
    const member = await makeStaff(t.deps.db, practice.id);
    const counts = await burst(100, () =>
      new TestClient(t.app).post('/api/staff/sign-in', { email: member.email, password: 'wrong-password' }),
    );
    expect(counts).toEqual({ checked: 10, refused: 90 });
    const alerts = await t.deps.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.practiceId, practice.id), eq(outbox.kind, 'staff_sign_in_attack')));
    expect(alerts.map((alert) => alert.recipient)).toEqual([admin.email]);
    expect(alerts[0]?.body).toContain(member.email);
  });

  it('one address over 100 accounts: exactly 30 passwords checked', async () => {
    freshWindow();
    const client = new TestClient(t.app);
    const counts = await burst(100, (index) =>
      client.post('/api/staff/sign-in', { email: `burst${index}@test.example`, password: 'wrong-password' }),
    );
    expect(counts).toEqual({ checked: 30, refused: 70 });
  });
});
