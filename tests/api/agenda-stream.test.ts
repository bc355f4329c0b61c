import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { practices, staff } from '../../src/server/db/schema';
import { newTotpSecret, sealTotpSecret } from '../../src/server/modules/staff-auth/totp';
import { staffClient } from '../support/client';
import { openEventStream } from '../support/event-stream';
import { makePatient, makeSchedulingPractice, nextWeekdayAt, testPassword } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let base: string;
beforeAll(async () => {
  t = await createTestApp();
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => t.close());

interface Change {
  practitionerIds: string[];
  appointmentId: string | null;
}

/** Signs in over HTTP, as the console does, and returns the session cookie. */
async function signIn(email: string): Promise<string> {
  const answer = await fetch(`${base}/api/staff/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: testPassword }),
  });
  if (answer.status !== 200) throw new Error(`${answer.status} ${await answer.text()}`);
  const cookie = answer.headers
    .getSetCookie()
    .map((header) => header.split(';')[0] ?? '')
    .find((pair) => pair.startsWith('sourire_staff='));
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

/** An open agenda stream whose `change` events are collected as they arrive. */
async function openStream(cookie: string) {
  const stream = await openEventStream(`${base}/api/console/agenda/stream`, cookie);
  const changes = () => stream.named('change').map((received) => received.data as unknown as Change);
  return {
    get changes() {
      return changes();
    },
    get ended() {
      return stream.ended;
    },
    /** Waits until `count` change events have arrived. */
    async waitFor(count: number, timeoutMs = 5_000): Promise<Change[]> {
      await stream.waitFor(() => changes().length >= count, timeoutMs);
      return changes();
    },
    close: stream.close,
  };
}

async function setup() {
  const s = await makeSchedulingPractice(t.deps.db);
  const patient = await makePatient(t.deps.db, s.practice.id, { ownPractitionerId: s.dentist.id });
  const adminClient = await staffClient(t.app, s.admin.email, testPassword);
  const book = async (practitionerId: string, startsAt: string) => {
    const answer = await adminClient.post<{ id: string }>('/api/console/appointments', {
      practitionerId,
      locationId: s.location.id,
      motifId: s.motif.id,
      patientId: patient.id,
      startsAt,
      patientAgreed: true,
    });
    expect(answer.status).toBe(201);
    return answer.body.id;
  };
  return { ...s, adminClient, book };
}

describe('agenda stream (RDV-1)', () => {
  it('tells the secretary when a colleague books or moves an appointment, with the practitioner', async () => {
    const s = await setup();
    const stream = await openStream(await signIn(s.secretary.email));
    try {
      const booked = await s.book(s.dentist.id, nextWeekdayAt(9));
      expect((await stream.waitFor(1))[0]).toEqual({
        practitionerIds: [s.dentist.id],
        appointmentId: booked,
      });
      const moved = await s.adminClient.patch(`/api/console/appointments/${booked}`, {
        startsAt: nextWeekdayAt(10),
      });
      expect(moved.status).toBe(200);
      expect((await stream.waitFor(2))[1]).toEqual({
        practitionerIds: [s.dentist.id],
        appointmentId: booked,
      });
      const handed = await s.adminClient.patch(`/api/console/appointments/${booked}`, {
        practitionerId: s.other.id,
        patientAgreed: true,
      });
      expect(handed.status).toBe(200);
      const [, , third] = await stream.waitFor(3);
      expect(third?.practitionerIds.sort()).toEqual([s.dentist.id, s.other.id].sort());
      expect(stream.changes).toHaveLength(3);
    } finally {
      stream.close();
    }
  });

  it('does not tell a practitioner about a colleague’s agenda without the grant', async () => {
    const s = await setup();
    const colleague = await openStream(await signIn(s.other.email));
    const desk = await openStream(await signIn(s.secretary.email));
    try {
      const theirs = await s.book(s.dentist.id, nextWeekdayAt(9));
      const mine = await s.book(s.other.id, nextWeekdayAt(10));
      // the desk hears both, in order: the first one was published before the second
      expect((await desk.waitFor(2)).map((change) => change.appointmentId)).toEqual([theirs, mine]);
      const heard = await colleague.waitFor(1);
      expect(heard).toEqual([{ practitionerIds: [s.other.id], appointmentId: mine }]);
      // moved from the colleague's agenda into theirs: only their own id is given
      await s.adminClient.patch(`/api/console/appointments/${theirs}`, {
        practitionerId: s.other.id,
        startsAt: nextWeekdayAt(11),
        patientAgreed: true,
      });
      expect((await colleague.waitFor(2))[1]).toEqual({
        practitionerIds: [s.other.id],
        appointmentId: theirs,
      });
      expect(colleague.changes.flatMap((change) => change.practitionerIds)).not.toContain(s.dentist.id);
    } finally {
      colleague.close();
      desk.close();
    }
  });

  it('does not tell another practice', async () => {
    const s = await setup();
    const elsewhere = await setup();
    const stream = await openStream(await signIn(elsewhere.secretary.email));
    try {
      await s.book(s.dentist.id, nextWeekdayAt(9));
      const own = await elsewhere.book(elsewhere.dentist.id, nextWeekdayAt(9));
      expect(await stream.waitFor(1)).toEqual([
        { practitionerIds: [elsewhere.dentist.id], appointmentId: own },
      ]);
    } finally {
      stream.close();
    }
  });

  it('stops telling a member once they are removed', async () => {
    const s = await setup();
    const removed = await openStream(await signIn(s.secretary.email));
    const witness = await openStream(await signIn(s.admin.email));
    try {
      await s.book(s.dentist.id, nextWeekdayAt(9));
      await removed.waitFor(1);
      expect((await s.adminClient.delete(`/api/console/staff/${s.secretary.id}`)).status).toBe(200);
      await s.book(s.dentist.id, nextWeekdayAt(10));
      await witness.waitFor(2);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(removed.changes).toHaveLength(1);
    } finally {
      removed.close();
      witness.close();
    }
  });

  it('stops telling a member whose session locks, and refuses to reopen it', async () => {
    const s = await setup();
    const cookie = await signIn(s.secretary.email);
    const locked = await openStream(cookie);
    const witness = await openStream(await signIn(s.admin.email));
    try {
      await s.book(s.dentist.id, nextWeekdayAt(9));
      await locked.waitFor(1);
      const lock = await fetch(`${base}/api/staff/lock`, { method: 'POST', headers: { cookie } });
      expect(lock.status).toBe(200);
      await s.book(s.dentist.id, nextWeekdayAt(10));
      await witness.waitFor(2);
      const deadline = Date.now() + 2_000;
      while (!locked.ended && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(locked.ended).toBe(true);
      expect(locked.changes).toHaveLength(1);
      const reopened = await fetch(`${base}/api/console/agenda/stream`, { headers: { cookie } });
      expect(((await reopened.json()) as { code: string }).code).toBe('SESSION_LOCKED');
    } finally {
      locked.close();
      witness.close();
    }
  });

  it('stops telling a member once the practice requires a second factor they have not set up', async () => {
    const s = await setup();
    const held = await openStream(await signIn(s.secretary.email));
    try {
      await s.book(s.dentist.id, nextWeekdayAt(9));
      await held.waitFor(1);
      await t.deps.db
        .update(practices)
        .set({ staffMfaRequired: true })
        .where(eq(practices.id, s.practice.id));
      // the admin who books has a second factor; the secretary has none
      await t.deps.db
        .update(staff)
        .set({
          totpSecret: sealTotpSecret(newTotpSecret(), t.deps.config.files.key),
          totpEnabledAt: new Date(),
        })
        .where(eq(staff.id, s.admin.id));
      await s.book(s.dentist.id, nextWeekdayAt(10));
      const deadline = Date.now() + 2_000;
      while (!held.ended && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(held.ended).toBe(true);
      expect(held.changes).toHaveLength(1);
    } finally {
      held.close();
    }
  });

  it('refuses the stream without a valid session (401)', async () => {
    const anonymous = await fetch(`${base}/api/console/agenda/stream`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { code: string }).code).toBe('UNAUTHENTICATED');
    const forged = await fetch(`${base}/api/console/agenda/stream`, {
      headers: { cookie: 'sourire_staff=not-a-session' },
    });
    expect(forged.status).toBe(401);
    await forged.body?.cancel();
  });
});
