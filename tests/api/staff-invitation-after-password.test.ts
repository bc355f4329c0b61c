import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, staffInvitations, staff as staffTable } from '../../src/server/db/schema';
import { hashToken, newToken } from '../../src/server/modules/auth/tokens';
import { TestClient } from '../support/client';
import { makePractice, makeStaff, testPassword } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Issue 10 review: an invitation only sets a first password. A link left over once the member has a
 * password (set through a reset link, say) must not replace it and open a session past the second factor.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function pendingInvitation(practiceId: string, staffId: string): Promise<string> {
  const token = newToken();
  await t.deps.db.insert(staffInvitations).values({
    practiceId,
    staffId,
    tokenHash: hashToken(token),
    expiresAt: new Date(t.clock.now().getTime() + 7 * 86_400_000),
  });
  return token;
}

describe('an invitation link once the member has a password', () => {
  it('is refused: the password stays, no session opens', async () => {
    const practice = await makePractice(t.deps.db);
    const member = await makeStaff(t.deps.db, practice.id, { role: 'practitioner' });
    const token = await pendingInvitation(practice.id, member.id);
    const [before] = await t.deps.db.select().from(staffTable).where(eq(staffTable.id, member.id));

    const stranger = new TestClient(t.app);
    const inspected = await stranger.post('/api/staff/invitations/inspect', { token });
    expect(inspected.status).toBe(410);
    const accepted = await stranger.post('/api/staff/invitations/accept', {
      token,
      password: 'taken-over-1234',
    });
    expect(accepted.status).toBe(410);
    expect(accepted.body.code).toBe('INVITATION_INVALID');
    expect((await stranger.get('/api/staff/me')).status).toBe(401);

    const [after] = await t.deps.db.select().from(staffTable).where(eq(staffTable.id, member.id));
    expect(after?.passwordHash).toBe(before?.passwordHash);
    const owner = new TestClient(t.app);
    expect(
      (await owner.post('/api/staff/sign-in', { email: member.email, password: testPassword })).status,
    ).toBe(200);
  });

  it('still sets the first password of a member who has none, once', async () => {
    const practice = await makePractice(t.deps.db);
    const member = await makeStaff(t.deps.db, practice.id, { role: 'secretary', password: null });
    const token = await pendingInvitation(practice.id, member.id);
    const client = new TestClient(t.app);
    expect(
      (await client.post('/api/staff/invitations/accept', { token, password: 'first-password-1234' })).status,
    ).toBe(200);
    expect((await client.get('/api/staff/me')).status).toBe(200);
    expect(
      (
        await new TestClient(t.app).post('/api/staff/invitations/accept', {
          token,
          password: 'second-password-1234',
        })
      ).status,
    ).toBe(410);
  });

  it('a reset link spends leftover invitations, and a member still invited gets no reset email', async () => {
    const practice = await makePractice(t.deps.db);
    const invited = await makeStaff(t.deps.db, practice.id, { role: 'secretary', password: null });
    await pendingInvitation(practice.id, invited.id);
    const asked = await new TestClient(t.app).post('/api/staff/password-reset/request', {
      email: invited.email,
    });
    expect(asked.status).toBe(200);
    const mails = await t.deps.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.recipient, invited.email), eq(outbox.kind, 'staff_password_reset')));
    expect(mails).toHaveLength(0);

    const member = await makeStaff(t.deps.db, practice.id, { role: 'practitioner' });
    const leftover = await pendingInvitation(practice.id, member.id);
    expect(
      (await new TestClient(t.app).post('/api/staff/password-reset/request', { email: member.email })).status,
    ).toBe(200);
    const [mail] = await t.deps.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.recipient, member.email), eq(outbox.kind, 'staff_password_reset')));
    const resetToken = /reset#([A-Za-z0-9_-]+)/.exec(mail?.body ?? '')?.[1] ?? '';
    expect(resetToken).not.toBe('');
    expect(
      (
        await new TestClient(t.app).post('/api/staff/password-reset', {
          token: resetToken,
          password: 'new-password-1234',
        })
      ).status,
    ).toBe(200);
    const [row] = await t.deps.db
      .select()
      .from(staffInvitations)
      .where(eq(staffInvitations.tokenHash, hashToken(leftover)));
    expect(row?.usedAt).not.toBeNull();
  });
});
