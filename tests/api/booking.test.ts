import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointments, motifs, outbox, patients, practices, staff } from '../../src/server/db/schema';
import { TestClient } from '../support/client';
import { lastCodeSentTo, makePatient, makeSchedulingPractice, nextWeekdayAt } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

interface Booked {
  id: string;
  manageToken: string;
  startsAt: string;
  cancelled: boolean;
  status: string;
  canChange: boolean;
}

/** A practice open online: a bookable motif, two dentists Monday–Friday 09:00–12:00, a known family. */
async function setup(motifChanges: Partial<typeof motifs.$inferInsert> = {}) {
  const s = await makeSchedulingPractice(t.deps.db);
  await t.deps.db
    .update(practices)
    .set({ closedOnPublicHolidays: false })
    .where(eq(practices.id, s.practice.id));
  await t.deps.db
    .update(motifs)
    .set({ onlineBookable: true, minBookingDelayMinutes: 0, maxBookingDelayDays: 60, ...motifChanges })
    .where(eq(motifs.id, s.motif.id));
  const parent = await makePatient(t.deps.db, s.practice.id, {
    lastName: 'Durand',
    firstName: 'Paul',
    birthDate: '1980-03-14',
    mobilePhone: '+33639981001',
    email: 'paul@mail.example',
    ownPractitionerId: s.dentist.id,
  });
  return { ...s, parent, visitor: new TestClient(t.app) };
}

async function grantFor(s: Awaited<ReturnType<typeof setup>>, identity: Record<string, string>) {
  const start = await s.visitor.post<{ challengeId: string }>(
    `/api/public/practices/${s.practice.slug}/booking/identify`,
    identity,
  );
  expect(start.status).toBe(200);
  const phone = `+33${identity.phone?.replace(/\D/g, '').slice(1)}`;
  const verified = await s.visitor.post<{ bookingToken: string; known: boolean; family: { id: string }[] }>(
    '/api/public/booking/verify',
    {
      challengeId: start.body.challengeId,
      code: await lastCodeSentTo(t.deps.db, phone),
    },
  );
  expect(verified.status).toBe(200);
  return verified.body;
}

const paul = { phone: '06 39 98 10 01', lastName: 'Durand', firstName: 'Paul', birthDate: '1980-03-14' };

describe('public booking page', () => {
  it('shows the practice, online motifs and practitioners, and the first week with free slots, no patient data', async () => {
    const s = await setup();
    const page = await s.visitor.get<{
      bookingOpen: boolean;
      motifs: { id: string; practitionerIds: string[] }[];
    }>(`/api/public/practices/${s.practice.slug}/booking`);
    expect(page.status).toBe(200);
    expect(page.body.bookingOpen).toBe(true);
    expect(page.body.motifs.map((motif) => motif.id)).toEqual([s.motif.id]);
    expect(page.body.motifs[0]?.practitionerIds.sort()).toEqual([s.dentist.id, s.other.id].sort());
    expect(JSON.stringify(page.body)).not.toContain('Durand');

    const slots = await s.visitor.get<{ slots: { start: string; options: { practitionerId: string }[] }[] }>(
      `/api/public/practices/${s.practice.slug}/slots?motifId=${s.motif.id}`,
    );
    expect(slots.status).toBe(200);
    expect(slots.body.slots.length).toBeGreaterThan(0);
    // both dentists free at the same times: one entry, both kept
    expect(slots.body.slots[0]?.options).toHaveLength(2);
  });

  it('shows nothing bookable when the practice closed online booking', async () => {
    const s = await setup();
    await t.deps.db
      .update(practices)
      .set({ onlineBookingOpen: false })
      .where(eq(practices.id, s.practice.id));
    const page = await s.visitor.get<{
      bookingOpen: boolean;
      motifs: unknown[];
      practice: { phone: string };
    }>(`/api/public/practices/${s.practice.slug}/booking`);
    expect(page.body).toMatchObject({ bookingOpen: false, motifs: [] });
    expect(page.body.practice.phone).toBe('+33465710000');
  });
});

describe('booking', () => {
  it('a known patient books; the confirmation is queued by SMS and email with the manage link', async () => {
    const s = await setup();
    const grant = await grantFor(s, paul);
    expect(grant).toMatchObject({ known: true });
    const startsAt = nextWeekdayAt(10);
    const booked = await s.visitor.post<Booked>(`/api/public/practices/${s.practice.slug}/bookings`, {
      bookingToken: grant.bookingToken,
      motifId: s.motif.id,
      practitionerId: s.dentist.id,
      locationId: s.location.id,
      startsAt,
    });
    expect(booked.status).toBe(201);
    expect(booked.body.startsAt).toBe(startsAt);
    const [row] = await t.deps.db.select().from(appointments).where(eq(appointments.id, booked.body.id));
    expect(row).toMatchObject({ channel: 'online', patientId: s.parent.id });
    const sent = await t.deps.db.select().from(outbox).where(eq(outbox.appointmentId, booked.body.id));
    expect(sent.map((message) => message.channel).sort()).toEqual(['email', 'sms']);
    expect(sent.find((message) => message.channel === 'sms')?.body).toContain(
      `/rdv/gerer/${booked.body.manageToken}`,
    );
  });

  it('a new patient books with the required fields and gets a file', async () => {
    const s = await setup();
    const grant = await grantFor(s, {
      phone: '06 39 98 20 02',
      lastName: 'Nouveau',
      firstName: 'Léo',
      birthDate: '1992-01-02',
    });
    expect(grant).toMatchObject({ known: false, family: [] });
    const body = {
      bookingToken: grant.bookingToken,
      motifId: s.motif.id,
      practitionerId: s.other.id,
      locationId: s.location.id,
      startsAt: nextWeekdayAt(11),
    };
    const missing = await s.visitor.post(`/api/public/practices/${s.practice.slug}/bookings`, body);
    expect(missing.status).toBe(400);
    expect(missing.body.issues).toEqual([{ path: 'newPatient', message: expect.any(String) }]);
    const booked = await s.visitor.post<Booked>(`/api/public/practices/${s.practice.slug}/bookings`, {
      ...body,
      newPatient: {
        email: 'leo@mail.example',
        addressLine: '1 rue Neuve',
        postalCode: '69001',
        city: 'Lyon',
      },
    });
    expect(booked.status).toBe(201);
    const [created] = await t.deps.db
      .select()
      .from(patients)
      .where(and(eq(patients.practiceId, s.practice.id), eq(patients.lastName, 'Nouveau')));
    expect(created).toMatchObject({
      mobilePhone: '+33639982002',
      ownPractitionerId: s.other.id,
      birthDate: '1992-01-02',
    });
  });

  it('a parent books for a child, and cannot book for someone outside the family', async () => {
    const s = await setup();
    const child = await makePatient(t.deps.db, s.practice.id, {
      firstName: 'Léa',
      lastName: 'Durand',
      mobilePhone: null,
    });
    const { linkResponsable } = await import('../support/factories');
    await linkResponsable(t.deps.db, s.practice.id, child.id, s.parent.id, 'parent1');
    const stranger = await makePatient(t.deps.db, s.practice.id);
    const grant = await grantFor(s, paul);
    expect(grant.family.map((member) => member.id).sort()).toEqual([s.parent.id, child.id].sort());
    const body = {
      bookingToken: grant.bookingToken,
      motifId: s.motif.id,
      practitionerId: s.dentist.id,
      locationId: s.location.id,
    };
    const forChild = await s.visitor.post<Booked>(`/api/public/practices/${s.practice.slug}/bookings`, {
      ...body,
      startsAt: nextWeekdayAt(9),
      patientId: child.id,
    });
    expect(forChild.status).toBe(201);
    const [row] = await t.deps.db.select().from(appointments).where(eq(appointments.id, forChild.body.id));
    expect(row?.patientId).toBe(child.id);
    const forStranger = await s.visitor.post(`/api/public/practices/${s.practice.slug}/bookings`, {
      ...body,
      startsAt: nextWeekdayAt(9, 30),
      patientId: stranger.id,
    });
    expect(forStranger.status).toBe(403);
    expect(forStranger.body.reason).toBe('not_in_family');
  });

  it('50 concurrent online bookings of one slot: one success, the others told it was just taken', async () => {
    const s = await setup();
    const grant = await grantFor(s, paul);
    const startsAt = nextWeekdayAt(10, 30);
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        new TestClient(t.app).post(`/api/public/practices/${s.practice.slug}/bookings`, {
          bookingToken: grant.bookingToken,
          motifId: s.motif.id,
          practitionerId: s.dentist.id,
          locationId: s.location.id,
          startsAt,
        }),
      ),
    );
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
    const refused = answers.filter((answer) => answer.status !== 201);
    expect(refused).toHaveLength(49);
    expect(refused.every((answer) => answer.status === 409 && answer.body.code === 'SLOT_TAKEN')).toBe(true);
    const nextSlots =
      (refused[0]?.body.details as { nextSlots: { start: string }[] } | undefined)?.nextSlots ?? [];
    expect(nextSlots.length).toBeGreaterThan(0);
    expect(nextSlots.map((slot) => slot.start)).not.toContain(startsAt);
  });
});

describe('every rule is checked again at confirmation, each with its own message', () => {
  const refusal = async (
    motifChanges: Partial<typeof motifs.$inferInsert>,
    startsAt: string,
    identity = paul,
    prepare?: (s: Awaited<ReturnType<typeof setup>>) => Promise<void>,
  ) => {
    const s = await setup(motifChanges);
    await prepare?.(s);
    const grant = await grantFor(s, identity);
    const answer = await s.visitor.post(`/api/public/practices/${s.practice.slug}/bookings`, {
      bookingToken: grant.bookingToken,
      motifId: s.motif.id,
      practitionerId: s.dentist.id,
      locationId: s.location.id,
      startsAt,
      newPatient: { email: 'x@mail.example', addressLine: '1 rue', postalCode: '69001', city: 'Lyon' },
      acceptedInstructions: true,
    });
    return answer;
  };

  it.each([
    ['too_soon', { minBookingDelayMinutes: 60 * 24 * 30 }, 'trop proche'],
    ['too_late', { maxBookingDelayDays: 1 }, 'trop loin'],
    ['new_patients_only', { patientRestriction: 'new_only' as const }, 'nouveaux patients'],
    ['motif_not_online', { onlineBookable: false }, 'ne se réserve pas en ligne'],
  ])('%s', async (reason, changes, words) => {
    const answer = await refusal(changes, nextWeekdayAt(10));
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ code: 'BOOKING_NOT_ALLOWED', reason });
    expect(String(answer.body.message)).toContain(words);
  });

  it('existing_patients_only refuses a new patient', async () => {
    const answer = await refusal({ patientRestriction: 'existing_only' }, nextWeekdayAt(10), {
      phone: '06 39 98 20 09',
      lastName: 'Inconnu',
      firstName: 'Zoé',
      birthDate: '1990-01-01',
    });
    expect(answer.body).toMatchObject({ reason: 'existing_patients_only' });
  });

  it('follow_up_only refuses another practitioner than the own one or a referent', async () => {
    const answer = await refusal({ followUpOnly: true }, nextWeekdayAt(10), paul, async (s) => {
      await t.deps.db
        .update(patients)
        .set({ ownPractitionerId: s.other.id })
        .where(eq(patients.id, s.parent.id));
    });
    expect(answer.body).toMatchObject({ reason: 'follow_up_only' });
    expect(String(answer.body.message)).toContain('praticien habituel');
  });

  it('booking_closed and practitioner_closed', async () => {
    const closed = await refusal({}, nextWeekdayAt(10), paul, async (s) => {
      await t.deps.db
        .update(practices)
        .set({ onlineBookingOpen: false })
        .where(eq(practices.id, s.practice.id));
    });
    expect(closed.body).toMatchObject({ reason: 'booking_closed' });
    const practitioner = await refusal({}, nextWeekdayAt(10), paul, async (s) => {
      await t.deps.db.update(staff).set({ onlineBookingOpen: false }).where(eq(staff.id, s.dentist.id));
    });
    expect(practitioner.body).toMatchObject({ reason: 'practitioner_closed' });
  });

  it('outside the opening hours is not a slot', async () => {
    const answer = await refusal({}, nextWeekdayAt(15));
    expect(answer.status).toBe(409);
    expect(answer.body.code).toBe('SLOT_TAKEN');
  });

  it('instructions must be accepted', async () => {
    const s = await setup({ instructionsBefore: 'Venez à jeun.' });
    const grant = await grantFor(s, paul);
    const answer = await s.visitor.post(`/api/public/practices/${s.practice.slug}/bookings`, {
      bookingToken: grant.bookingToken,
      motifId: s.motif.id,
      practitionerId: s.dentist.id,
      locationId: s.location.id,
      startsAt: nextWeekdayAt(10),
    });
    expect(answer.body.issues).toEqual([{ path: 'acceptedInstructions', message: expect.any(String) }]);
  });

  it('a booking token expires after 30 minutes', async () => {
    const s = await setup();
    const grant = await grantFor(s, paul);
    t.clock.advance(31 * 60_000);
    try {
      const answer = await s.visitor.post(`/api/public/practices/${s.practice.slug}/bookings`, {
        bookingToken: grant.bookingToken,
        motifId: s.motif.id,
        practitionerId: s.dentist.id,
        locationId: s.location.id,
        startsAt: nextWeekdayAt(10),
      });
      expect(answer.status).toBe(410);
    } finally {
      t.clock.advance(-31 * 60_000);
    }
  });
});

describe('manage link', () => {
  async function booked() {
    const s = await setup();
    const grant = await grantFor(s, paul);
    const answer = await s.visitor.post<Booked>(`/api/public/practices/${s.practice.slug}/bookings`, {
      bookingToken: grant.bookingToken,
      motifId: s.motif.id,
      practitionerId: s.dentist.id,
      locationId: s.location.id,
      startsAt: nextWeekdayAt(10),
    });
    return { ...s, appointment: answer.body };
  }

  it('shows the appointment without signing in, moves it, then cancels it; the slot is free again', async () => {
    const s = await booked();
    const anyone = new TestClient(t.app);
    const view = await anyone.get<Booked>(`/api/public/appointments/${s.appointment.manageToken}`);
    expect(view.body).toMatchObject({ id: s.appointment.id, canChange: true, cancelled: false });

    const moved = await anyone.post<Booked>(`/api/public/appointments/${s.appointment.manageToken}/move`, {
      startsAt: nextWeekdayAt(11),
    });
    expect(moved.status).toBe(200);
    expect(moved.body.startsAt).toBe(nextWeekdayAt(11));
    const kinds = (
      await t.deps.db.select().from(outbox).where(eq(outbox.appointmentId, s.appointment.id))
    ).map((message) => message.kind);
    expect(kinds.filter((kind) => kind === 'appointment_moved')).toHaveLength(2);

    const cancelled = await anyone.post<Booked>(
      `/api/public/appointments/${s.appointment.manageToken}/cancel`,
    );
    expect(cancelled.body).toMatchObject({ cancelled: true, status: 'excused' });
    const slots = await anyone.get<{ slots: { start: string }[] }>(
      `/api/public/practices/${s.practice.slug}/slots?motifId=${s.motif.id}&practitionerId=${s.dentist.id}&from=${nextWeekdayAt(0)}`,
    );
    expect(slots.body.slots.map((slot) => slot.start)).toContain(nextWeekdayAt(11));
  });

  it('cannot be guessed nor reused for another appointment', async () => {
    const s = await booked();
    const [id, signature] = s.appointment.manageToken.split('.');
    const other = await booked();
    const anyone = new TestClient(t.app);
    expect((await anyone.get(`/api/public/appointments/${other.appointment.id}.${signature}`)).status).toBe(
      404,
    );
    expect(
      (await anyone.get(`/api/public/appointments/${id}.${'A'.repeat(signature?.length ?? 32)}`)).status,
    ).toBe(404);
    expect(
      (await anyone.post(`/api/public/appointments/${other.appointment.id}.${signature}/cancel`)).status,
    ).toBe(404);
  });

  it('is parsed strictly: a suffix, another dot, padding or another alphabet is refused like a wrong token', async () => {
    const s = await booked();
    const token = s.appointment.manageToken;
    const anyone = new TestClient(t.app);
    expect((await anyone.get(`/api/public/appointments/${token}`)).status).toBe(200);
    for (const mutated of [
      `${token}.junk`,
      `${token}.`,
      `${token}=`,
      `${token}==`,
      `${token}A`,
      token.slice(0, -1),
      token.replace('.', '..'),
      `${token.slice(0, -1)}+`,
      token.toUpperCase(),
      ` ${token}`,
    ]) {
      const answer = await anyone.get(`/api/public/appointments/${encodeURIComponent(mutated)}`);
      expect(answer.status, mutated).toBe(404);
      expect(answer.body, mutated).toMatchObject({ code: 'NOT_FOUND' });
    }
    expect((await anyone.post(`/api/public/appointments/${token}.junk/cancel`)).status).toBe(404);
    const [row] = await t.deps.db.select().from(appointments).where(eq(appointments.id, s.appointment.id));
    expect(row?.cancelledAt).toBeNull();
  });

  it('expires 30 days after the appointment’s end: 410 LINK_EXPIRED for every use of the link', async () => {
    const s = await booked();
    const token = s.appointment.manageToken;
    const anyone = new TestClient(t.app);
    const endAgo = async (ms: number) => {
      const endsAt = new Date(t.clock.now().getTime() - ms);
      await t.deps.db
        .update(appointments)
        .set({ startsAt: new Date(endsAt.getTime() - 30 * 60_000), endsAt })
        .where(eq(appointments.id, s.appointment.id));
    };
    const day = 86_400_000;
    // ended 29 days and 23 hours ago: the link still shows the (past) appointment
    await endAgo(30 * day - 3600_000);
    const still = await anyone.get<Booked>(`/api/public/appointments/${token}`);
    expect(still.status).toBe(200);
    expect(still.body.id).toBe(s.appointment.id);
    // ended 30 days and an hour ago: expired, whatever is asked
    await endAgo(30 * day + 3600_000);
    const answers = [
      await anyone.get(`/api/public/appointments/${token}`),
      await anyone.get(`/api/public/appointments/${token}/slots`),
      await anyone.get(`/api/public/appointments/${token}/calendar.ics`),
      await anyone.post(`/api/public/appointments/${token}/cancel`),
      await anyone.post(`/api/public/appointments/${token}/move`, { startsAt: nextWeekdayAt(11) }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(410);
      expect(answer.body).toMatchObject({ code: 'LINK_EXPIRED' });
    }
    // a wrong token stays a 404: expiry says nothing about tokens that were never valid
    expect((await anyone.get(`/api/public/appointments/${token}x`)).status).toBe(404);
  });

  it('refuses online changes after the cutoff, with the phone to call', async () => {
    const s = await booked();
    await t.deps.db
      .update(practices)
      .set({ cancellationCutoffHours: 24 * 30 })
      .where(eq(practices.id, s.practice.id));
    const anyone = new TestClient(t.app);
    const view = await anyone.get<Booked>(`/api/public/appointments/${s.appointment.manageToken}`);
    expect(view.body.canChange).toBe(false);
    const answer = await anyone.post(`/api/public/appointments/${s.appointment.manageToken}/cancel`);
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ reason: 'cutoff_passed', details: { phone: '+33465710000' } });
    expect(String(answer.body.message)).toContain('Appelez le cabinet');
  });

  it('gives the appointment as an .ics file', async () => {
    const s = await booked();
    const answer = await new TestClient(t.app).get(
      `/api/public/appointments/${s.appointment.manageToken}/calendar.ics`,
    );
    expect(answer.status).toBe(200);
    expect(String(answer.headers['content-type'])).toContain('text/calendar');
    expect(String(answer.body)).toContain('BEGIN:VEVENT');
  });
});
