import { and, eq } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  staffMfaTickets,
  staffPasswordResets,
  staffRecoveryCodes,
} from '../../src/server/db/schema';
import { housekeeping } from '../../src/server/jobs/housekeeping';
import { takeToken } from '../../src/server/modules/auth/rate-limit';
import { mfaFailuresPerAccountDaily } from '../../src/server/modules/staff-auth/complete-mfa-sign-in';
import { TestClient } from '../support/client';
import { makePractice, makeStaff, testPassword } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function signIn(email: string) {
  const client = new TestClient(t.app);
  const answer = await client.post('/api/staff/sign-in', { email, password: testPassword });
  expect(answer.status).toBe(200);
  return { client, answer };
}

/** A member of the practice with two-step sign-in on, and a signed-in session of theirs. */
async function enrolledMember(practiceId: string) {
  const member = await makeStaff(t.deps.db, practiceId, { role: 'practitioner' });
  const { client } = await signIn(member.email);
  const started = await client.post<{ secret: string }>('/api/staff/mfa/enrolment');
  const code = TOTP.generate({
    secret: Secret.fromBase32(started.body.secret),
    timestamp: t.clock.now().getTime(),
  });
  expect(
    (await client.post('/api/staff/mfa/enrolment/confirm', { code, password: testPassword })).status,
  ).toBe(200);
  t.clock.advance(30_000);
  return { member, client };
}

describe('an admin turns off a member’s two-step sign-in', () => {
  it('ends the member’s sessions; the member then signs in with the password alone; audited', async () => {
    const practice = await makePractice(t.deps.db);
    const admin = await makeStaff(t.deps.db, practice.id, { role: 'admin' });
    const { client: adminClient } = await signIn(admin.email);
    const { member, client: memberClient } = await enrolledMember(practice.id);

    const listed = await adminClient.get<{ items: Array<{ id: string; twoFactor: boolean }> }>(
      '/api/console/staff',
    );
    expect(listed.body.items.find((item) => item.id === member.id)?.twoFactor).toBe(true);
    // before: the password alone is not enough
    expect((await signIn(member.email)).answer.body).toEqual({ mfaRequired: true });

    const reset = await adminClient.delete(`/api/console/staff/${member.id}/two-factor`);
    expect(reset.status).toBe(200);

    expect((await memberClient.get('/api/staff/me')).status).toBe(401);
    const again = await signIn(member.email);
    expect(again.answer.body).not.toEqual({ mfaRequired: true });
    expect((await again.client.get('/api/staff/me')).body).toMatchObject({ mfa: { enabled: false } });
    const codes = await t.deps.db
      .select()
      .from(staffRecoveryCodes)
      .where(eq(staffRecoveryCodes.staffId, member.id));
    expect(codes).toHaveLength(0);
    const audit = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'staff.mfa_reset'), eq(auditLog.entityId, member.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actorId).toBe(admin.id);
  });

  it('clears the day’s count of wrong codes: the member’s new phone works at once', async () => {
    const practice = await makePractice(t.deps.db);
    const admin = await makeStaff(t.deps.db, practice.id, { role: 'admin' });
    const { client: adminClient } = await signIn(admin.email);
    const { member } = await enrolledMember(practice.id);
    // the day's wrong codes are used up (as after 30 guesses)
    for (let i = 0; i < mfaFailuresPerAccountDaily.max; i += 1) {
      await takeToken(
        t.deps.db,
        `staff-mfa:account-day:${member.id}`,
        mfaFailuresPerAccountDaily,
        t.clock.now(),
      );
    }
    expect((await adminClient.delete(`/api/console/staff/${member.id}/two-factor`)).status).toBe(200);
    const { client } = await signIn(member.email);
    const started = await client.post<{ secret: string }>('/api/staff/mfa/enrolment');
    const codeAt = (ms: number) =>
      TOTP.generate({ secret: Secret.fromBase32(started.body.secret), timestamp: ms });
    const confirm = { code: codeAt(t.clock.now().getTime()), password: testPassword };
    expect((await client.post('/api/staff/mfa/enrolment/confirm', confirm)).status).toBe(200);
    t.clock.advance(30_000);
    const { client: next, answer } = await signIn(member.email);
    expect(answer.body).toEqual({ mfaRequired: true });
    const second = await next.post('/api/staff/sign-in/mfa', { code: codeAt(t.clock.now().getTime()) });
    expect(second.status).toBe(200);
  });

  it('is refused to non-admins, for one’s own, and for another practice’s member', async () => {
    const practice = await makePractice(t.deps.db);
    const admin = await makeStaff(t.deps.db, practice.id, { role: 'admin' });
    const secretary = await makeStaff(t.deps.db, practice.id, { role: 'secretary' });
    const { member } = await enrolledMember(practice.id);
    const { client: secretaryClient } = await signIn(secretary.email);
    expect((await secretaryClient.delete(`/api/console/staff/${member.id}/two-factor`)).status).toBe(403);

    const { client: adminClient } = await signIn(admin.email);
    expect((await adminClient.delete(`/api/console/staff/${admin.id}/two-factor`)).status).toBe(409);

    const other = await makePractice(t.deps.db);
    const { member: stranger } = await enrolledMember(other.id);
    expect((await adminClient.delete(`/api/console/staff/${stranger.id}/two-factor`)).status).toBe(404);
    expect((await adminClient.delete('/api/console/staff/not-a-uuid/two-factor')).status).toBe(400);
    // still on for both
    expect((await signIn(member.email)).answer.body).toEqual({ mfaRequired: true });
    expect((await signIn(stranger.email)).answer.body).toEqual({ mfaRequired: true });
  });
});

describe('housekeeping', () => {
  it('forgets second-step tickets a day after they expired and reset links 30 days after, not before', async () => {
    const practice = await makePractice(t.deps.db);
    const { member } = await enrolledMember(practice.id);
    await signIn(member.email); // leaves a ticket
    const forgot = await new TestClient(t.app).post('/api/staff/password-reset/request', {
      email: member.email,
    });
    expect(forgot.status).toBeLessThan(300);
    const count = async () => ({
      tickets: (await t.deps.db.select().from(staffMfaTickets).where(eq(staffMfaTickets.staffId, member.id)))
        .length,
      resets: (
        await t.deps.db.select().from(staffPasswordResets).where(eq(staffPasswordResets.staffId, member.id))
      ).length,
    });
    expect(await count()).toEqual({ tickets: 1, resets: 1 });
    t.clock.advance(2 * 3_600_000);
    await housekeeping(t.deps);
    expect(await count()).toEqual({ tickets: 1, resets: 1 });
    t.clock.advance(2 * 86_400_000);
    await housekeeping(t.deps);
    expect(await count()).toEqual({ tickets: 0, resets: 1 });
    t.clock.advance(30 * 86_400_000);
    await housekeeping(t.deps);
    expect(await count()).toEqual({ tickets: 0, resets: 0 });
  });
});
