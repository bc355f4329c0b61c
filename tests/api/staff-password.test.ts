import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, outbox } from '../../src/server/db/schema';
import { TestClient } from '../support/client';
import { lastMessageTo, makePractice, makeStaff, testPassword } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const newPassword = 'a-brand-new-password';

/** Moves the clock just past the start of an hour, so a burst never straddles two limit windows. */
function freshHour() {
  const hour = 60 * 60_000;
  t.clock.advance(hour - (t.clock.now().getTime() % hour) + 1000);
}

async function member() {
  const practice = await makePractice(t.deps.db);
  return makeStaff(t.deps.db, practice.id);
}

async function signIn(email: string, password = testPassword) {
  const client = new TestClient(t.app);
  const answer = await client.post('/api/staff/sign-in', { email, password });
  expect(answer.status).toBe(200);
  return client;
}

async function audited(staffId: string, action: string) {
  return t.deps.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, staffId), eq(auditLog.action, action)));
}

/** The token of the newest reset link emailed to an address, as a person reads it. */
async function resetTokenSentTo(email: string): Promise<string> {
  const message = await lastMessageTo(t.deps.db, email);
  const token = message?.body.match(/\/console\/reset#([A-Za-z0-9_-]+)/)?.[1];
  if (!token) throw new Error(`no reset link sent to ${email}`);
  return token;
}

describe('changing one’s password', () => {
  it('refuses a wrong current password with a field message, and counts it with the sign-in failures', async () => {
    const staff = await member();
    const client = await signIn(staff.email);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const answer = await client.post('/api/staff/password', {
        currentPassword: 'not-my-password',
        newPassword,
      });
      statuses.push(answer.status);
      if (i === 0) {
        expect(answer.body.code).toBe('VALIDATION_FAILED');
        expect(answer.body.issues).toEqual([
          { path: 'currentPassword', message: 'Ce n’est pas votre mot de passe actuel.' },
        ]);
      }
    }
    // 5 failures per account and address, as for sign-in; the sixth is not even checked
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    const refusedSignIn = await new TestClient(t.app, { ip: client.ip }).post('/api/staff/sign-in', {
      email: staff.email,
      password: testPassword,
    });
    expect(refusedSignIn.status).toBe(429);
    expect(await audited(staff.id, 'staff.password_change_failed')).toHaveLength(5);
  });

  it('refuses a weak new password with a field message', async () => {
    const staff = await member();
    const client = await signIn(staff.email);
    const answer = await client.post('/api/staff/password', {
      currentPassword: testPassword,
      newPassword: 'short',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.issues).toEqual([
      { path: 'newPassword', message: 'Le mot de passe doit contenir au moins 10 caractères.' },
    ]);
  });

  it('changes it, keeps this session, ends the others, and is audited', async () => {
    const staff = await member();
    const here = await signIn(staff.email);
    const elsewhere = await signIn(staff.email);
    const answer = await here.post('/api/staff/password', { currentPassword: testPassword, newPassword });
    expect(answer.status).toBe(200);
    expect((await here.get('/api/staff/me')).status).toBe(200);
    expect((await elsewhere.get('/api/staff/me')).status).toBe(401);
    const old = await new TestClient(t.app).post('/api/staff/sign-in', {
      email: staff.email,
      password: testPassword,
    });
    expect(old.status).toBe(401);
    await signIn(staff.email, newPassword);
    const [entry] = await audited(staff.id, 'staff.password_change');
    expect(entry?.details).toEqual({ otherSessionsEnded: 1 });
  });

  it('needs a session', async () => {
    const answer = await new TestClient(t.app).post('/api/staff/password', {
      currentPassword: testPassword,
      newPassword,
    });
    expect(answer.status).toBe(401);
  });
});

describe('resetting a forgotten password', () => {
  it('answers the same for an unknown address, and emails a one-hour link only to a known one', async () => {
    const staff = await member();
    const known = await new TestClient(t.app).post('/api/staff/password-reset/request', {
      email: staff.email,
    });
    const unknownEmail = `nobody-${staff.id}@test.example`;
    const unknown = await new TestClient(t.app).post('/api/staff/password-reset/request', {
      email: unknownEmail,
    });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(unknown.body).toEqual(known.body);
    expect(await lastMessageTo(t.deps.db, unknownEmail)).toBeUndefined();
    const message = await lastMessageTo(t.deps.db, staff.email);
    expect(message).toMatchObject({ kind: 'staff_password_reset', channel: 'email', sensitive: true });
    expect(message?.body).toContain(`${t.deps.config.publicUrl}/console/reset#`);
    expect(message?.body).toContain('60 minutes');
  });

  it('sets a new password once, ends every session, and leaves signing in to the person', async () => {
    const staff = await member();
    const session = await signIn(staff.email);
    await new TestClient(t.app).post('/api/staff/password-reset/request', { email: staff.email });
    const token = await resetTokenSentTo(staff.email);
    const reset = await new TestClient(t.app).post('/api/staff/password-reset', {
      token,
      password: newPassword,
    });
    expect(reset.status).toBe(200);
    expect(reset.headers['set-cookie']).toBeUndefined();
    expect((await session.get('/api/staff/me')).status).toBe(401);
    await signIn(staff.email, newPassword);
    const again = await new TestClient(t.app).post('/api/staff/password-reset', {
      token,
      password: 'yet-another-password',
    });
    expect(again.status).toBe(410);
    expect(again.body.code).toBe('RESET_LINK_INVALID');
    expect(await audited(staff.id, 'staff.password_reset')).toHaveLength(1);
  });

  it('two parallel uses of one link: exactly one succeeds', async () => {
    const staff = await member();
    await new TestClient(t.app).post('/api/staff/password-reset/request', { email: staff.email });
    const token = await resetTokenSentTo(staff.email);
    const answers = await Promise.all(
      ['first-new-password', 'second-new-password'].map((password) =>
        new TestClient(t.app).post('/api/staff/password-reset', { token, password }),
      ),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 410]);
  });

  it('refuses a link after its hour', async () => {
    const staff = await member();
    await new TestClient(t.app).post('/api/staff/password-reset/request', { email: staff.email });
    const token = await resetTokenSentTo(staff.email);
    t.clock.advance(60 * 60_000 + 1000);
    const answer = await new TestClient(t.app).post('/api/staff/password-reset', {
      token,
      password: newPassword,
    });
    expect(answer.status).toBe(410);
    await signIn(staff.email);
  });

  it('refuses an unknown token and a weak password with their own answers', async () => {
    const unknown = await new TestClient(t.app).post('/api/staff/password-reset', {
      token: 'x'.repeat(43),
      password: newPassword,
    });
    expect(unknown.status).toBe(410);
    const weak = await new TestClient(t.app).post('/api/staff/password-reset', {
      token: 'x'.repeat(43),
      password: 'short',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.issues).toEqual([
      { path: 'password', message: 'Le mot de passe doit contenir au moins 10 caractères.' },
    ]);
  });

  it('100 parallel requests for one address from 100 addresses: exactly 3 emails', async () => {
    freshHour();
    const staff = await member();
    const answers = await Promise.all(
      Array.from({ length: 100 }, () =>
        new TestClient(t.app).post('/api/staff/password-reset/request', { email: staff.email }),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(3);
    expect(statuses.filter((status) => status === 429)).toHaveLength(97);
    const sent = await t.deps.db.select().from(outbox).where(eq(outbox.recipient, staff.email));
    expect(sent).toHaveLength(3);
  });

  it('100 parallel requests from one address for 100 emails: exactly 10 answered', async () => {
    freshHour();
    const ip = '203.0.113.77';
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        new TestClient(t.app, { ip }).post('/api/staff/password-reset/request', {
          email: `someone-${i}-${Date.now()}@test.example`,
        }),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(10);
    expect(statuses.filter((status) => status === 429)).toHaveLength(90);
  });
});
