import { eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { absences, appointments, motifs, openingRanges, outbox, practices } from '../../src/server/db/schema';
import { staffClient, TestClient } from '../support/client';
import {
  lastCodeSentTo,
  makeMotif,
  makePatient,
  makeSchedulingPractice,
  nextWeekdayAt,
  testPassword,
} from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Issue 9 §1: what the online booking accepts is what the slot engine shows, whatever window was asked;
 * absences, other appointments and their buffers, the first-visit length and the maximum delay hold at
 * the booking check as on the page.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const minute = 60_000;
const plus = (instant: string, minutes: number) =>
  new Date(Date.parse(instant) + minutes * minute).toISOString();
const paul = { phone: '06 39 98 10 01', lastName: 'Durand', firstName: 'Paul', birthDate: '1980-03-14' };
let newcomers = 0;

/** Dr Bernard and Dr Moreau open Monday–Friday 09:00–12:00 (Paris), a 30-minute check-up online. */
async function setup(motifChanges: Partial<typeof motifs.$inferInsert> = {}) {
  const s = await makeSchedulingPractice(t.deps.db);
  await t.deps.db
    .update(practices)
    .set({ closedOnPublicHolidays: false, slotGridMinutes: 15 })
    .where(eq(practices.id, s.practice.id));
  await t.deps.db
    .update(motifs)
    .set({ onlineBookable: true, minBookingDelayMinutes: 0, maxBookingDelayDays: 60, ...motifChanges })
    .where(eq(motifs.id, s.motif.id));
  const parent = await makePatient(t.deps.db, s.practice.id, {
    lastName: paul.lastName,
    firstName: paul.firstName,
    birthDate: paul.birthDate,
    mobilePhone: '+33639981001',
    email: 'paul@mail.example',
    ownPractitionerId: s.dentist.id,
  });
  return { ...s, parent, visitor: new TestClient(t.app) };
}
type Setup = Awaited<ReturnType<typeof setup>>;

async function bookingToken(s: Setup, identity: Record<string, string>): Promise<string> {
  const start = await s.visitor.post<{ challengeId: string }>(
    `/api/public/practices/${s.practice.slug}/booking/identify`,
    identity,
  );
  expect(start.status).toBe(200);
  const phone = `+33${identity.phone?.replace(/\D/g, '').slice(1)}`;
  const verified = await s.visitor.post<{ bookingToken: string }>('/api/public/booking/verify', {
    challengeId: start.body.challengeId,
    code: await lastCodeSentTo(t.deps.db, phone),
  });
  expect(verified.status).toBe(200);
  return verified.body.bookingToken;
}

async function book(s: Setup, startsAt: string, options: { newPatient?: boolean; motifId?: string } = {}) {
  const identity = options.newPatient
    ? {
        phone: `06 39 98 30 ${String(10 + (newcomers++ % 89))}`,
        lastName: 'Nouveau',
        firstName: 'Léo',
        birthDate: '1992-01-02',
      }
    : paul;
  const token = await bookingToken(s, identity);
  return s.visitor.post<{ id: string; startsAt: string; endsAt: string; manageToken: string }>(
    `/api/public/practices/${s.practice.slug}/bookings`,
    {
      bookingToken: token,
      motifId: options.motifId ?? s.motif.id,
      practitionerId: s.dentist.id,
      locationId: s.location.id,
      startsAt,
      ...(options.newPatient
        ? {
            newPatient: {
              email: 'leo@mail.example',
              addressLine: '1 rue Neuve',
              postalCode: '69003',
              city: 'Lyon',
            },
          }
        : {}),
    },
  );
}

async function publicStarts(s: Setup, from: string, days: number, extra = ''): Promise<string[]> {
  const page = await s.visitor.get<{ slots: { start: string }[] }>(
    `/api/public/practices/${s.practice.slug}/slots?motifId=${s.motif.id}&practitionerId=${s.dentist.id}&from=${encodeURIComponent(from)}&days=${days}${extra}`,
  );
  expect(page.status).toBe(200);
  return page.body.slots.map((slot) => slot.start);
}

async function addAppointment(s: Setup, motifId: string, startsAt: string, minutes: number) {
  await t.deps.db.insert(appointments).values({
    practiceId: s.practice.id,
    practitionerId: s.dentist.id,
    locationId: s.location.id,
    motifId,
    patientId: s.parent.id,
    startsAt: new Date(startsAt),
    endsAt: new Date(Date.parse(startsAt) + minutes * minute),
    channel: 'staff',
  });
}

describe('an absence is never ignored, whatever the window', () => {
  it('an absence starting 15 minutes into a slot blocks it on the page and at the booking', async () => {
    const s = await setup();
    const ten = nextWeekdayAt(10);
    await t.deps.db.insert(absences).values({
      practiceId: s.practice.id,
      practitionerId: s.dentist.id,
      title: 'Formation',
      startsAt: new Date(plus(ten, 15)),
      endsAt: new Date(plus(ten, 60)),
    });
    // a window that ends just after 10:00: the slot 10:00–10:30 reaches past it into the absence
    expect(await publicStarts(s, plus(ten, -60), 1)).not.toContain(ten);
    const refused = await book(s, ten);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'SLOT_TAKEN' });
    expect((await book(s, plus(ten, 60))).status).toBe(201);
  });
});

describe('an appointment’s own buffers protect it', () => {
  it('nothing starts in a surgery’s buffer after, with or without buffers of its own', async () => {
    const s = await setup();
    const surgery = await makeMotif(t.deps.db, s.practice.id, {
      name: 'Chirurgie',
      durationMinutes: 60,
      bufferAfterMinutes: 30,
    });
    const nine = nextWeekdayAt(9);
    await addAppointment(s, surgery.id, nine, 60); // 09:00–10:00, kept clear until 10:30
    const starts = await publicStarts(s, nine, 1);
    expect(starts).not.toContain(plus(nine, 60));
    expect(starts).not.toContain(plus(nine, 75));
    expect(starts).toContain(plus(nine, 90));
    const inBuffer = await book(s, plus(nine, 75));
    expect(inBuffer.status).toBe(409);
    expect((await book(s, plus(nine, 90))).status).toBe(201);
  });

  it('two bookings at once, one in the other’s buffer: one of them only', async () => {
    const s = await setup();
    const scaling = await makeMotif(t.deps.db, s.practice.id, {
      name: 'Détartrage',
      durationMinutes: 30,
      bufferAfterMinutes: 30,
      onlineBookable: true,
      minBookingDelayMinutes: 0,
    });
    const ten = nextWeekdayAt(10);
    const [first, second] = await Promise.all([
      book(s, ten, { motifId: scaling.id }),
      book(s, plus(ten, 30), { newPatient: true }),
    ]);
    expect([first.status, second.status].sort()).toEqual([201, 409]);
  });
});

describe('the first-visit length (SET-4) online', () => {
  it('a new patient gets the first-visit length on the page and in the booking; a known one the usual', async () => {
    const s = await setup({ firstVisitDurationMinutes: 45 });
    const nine = nextWeekdayAt(9);
    const lastFollowUp = plus(nine, 150); // 11:30–12:00
    expect(await publicStarts(s, nine, 1)).toContain(lastFollowUp);
    const firstVisit = await publicStarts(s, nine, 1, '&firstVisit=true');
    expect(firstVisit).not.toContain(lastFollowUp); // 11:30–12:15 would pass the closing
    expect(firstVisit).toContain(plus(nine, 135)); // 11:15–12:00

    expect((await book(s, lastFollowUp, { newPatient: true })).status).toBe(409);
    const booked = await book(s, nine, { newPatient: true });
    expect(booked.status).toBe(201);
    const [row] = await t.deps.db.select().from(appointments).where(eq(appointments.id, booked.body.id));
    expect(((row?.endsAt.getTime() ?? 0) - (row?.startsAt.getTime() ?? 0)) / minute).toBe(45);
    expect(row?.firstVisit).toBe(true);

    const known = await book(s, lastFollowUp);
    expect(known.status).toBe(201);
  });
});

describe('the maximum booking delay', () => {
  it('the page’s last day is bookable to its last slot, the next day is too late: calendar days in Paris', async () => {
    const s = await setup({ maxBookingDelayDays: 9 });
    const today = Temporal.Instant.fromEpochMilliseconds(t.clock.now().getTime())
      .toZonedDateTimeISO('Europe/Paris')
      .toPlainDate();
    // the first weekday from 9 days ahead on: when the 9th day is a weekday, it is the last bookable day
    let lastDay = today.add({ days: 9 });
    while (lastDay.dayOfWeek > 5) lastDay = lastDay.subtract({ days: 1 });
    const slotAt = (day: Temporal.PlainDate, hour: number, minutes: number) =>
      day
        .toZonedDateTime({ timeZone: 'Europe/Paris', plainTime: { hour, minute: minutes } })
        .toInstant()
        .toString();
    const from = slotAt(lastDay, 0, 0);
    const starts = await publicStarts(s, from, 7);
    const last = slotAt(lastDay, 11, 30);
    expect(starts.at(-1)).toBe(new Date(last).toISOString());
    expect((await book(s, last)).status).toBe(201);

    let tooFar = today.add({ days: 10 });
    while (tooFar.dayOfWeek > 5) tooFar = tooFar.add({ days: 1 });
    const refused = await book(s, slotAt(tooFar, 9, 0));
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'BOOKING_NOT_ALLOWED', reason: 'too_late' });
  });
});

describe('moving from the manage link', () => {
  it('a 60-minute appointment moves 15 minutes later, over its own time; not into an absence', async () => {
    const s = await setup({ durationMinutes: 60 });
    const nine = nextWeekdayAt(9);
    const booked = await book(s, nine);
    expect(booked.status).toBe(201);
    const anyone = new TestClient(t.app);
    const moved = await anyone.post<{ startsAt: string }>(
      `/api/public/appointments/${booked.body.manageToken}/move`,
      { startsAt: plus(nine, 15) },
    );
    expect(moved.status).toBe(200);
    expect(moved.body.startsAt).toBe(plus(nine, 15));
    await t.deps.db.insert(absences).values({
      practiceId: s.practice.id,
      practitionerId: s.dentist.id,
      title: 'Réunion',
      startsAt: new Date(plus(nine, 120)),
      endsAt: new Date(plus(nine, 150)),
    });
    const intoAbsence = await anyone.post(`/api/public/appointments/${booked.body.manageToken}/move`, {
      startsAt: plus(nine, 90), // 10:30–11:30 meets the meeting at 11:00
    });
    expect(intoAbsence.status).toBe(409);
  });
});

const localDay = (instant: string) =>
  Temporal.Instant.from(instant).toZonedDateTimeISO('Europe/Paris').toPlainDate().toString();

describe('an absence over booked appointments (§1.7)', () => {
  it('is refused until a choice is made, listing what it covers; keep keeps them, cancel tells each patient', async () => {
    const s = await setup();
    const admin = await staffClient(t.app, s.admin.email, testPassword);
    const ten = nextWeekdayAt(10);
    await addAppointment(s, s.motif.id, ten, 30);
    await addAppointment(s, s.motif.id, plus(ten, 60), 30);
    await addAppointment(s, s.motif.id, plus(ten, 24 * 60 * 3), 30); // another day: not covered
    const day = localDay(ten);
    const body = {
      practitionerId: s.dentist.id,
      title: 'Formation',
      oneOff: { startDay: day, startTime: '09:45', endDay: day, endTime: '12:00' },
      recurring: null,
    };
    const asked = await admin.post<{ code: string; details: { reason: string; appointments: unknown[] } }>(
      '/api/console/absences',
      body,
    );
    expect(asked.status).toBe(409);
    expect(asked.body.code).toBe('CONFIRMATION_REQUIRED');
    expect(asked.body.details.reason).toBe('absence_covers_appointments');
    expect(asked.body.details.appointments).toHaveLength(2);
    expect(asked.body.details.appointments[0]).toMatchObject({ startsAt: ten, patientName: 'DURAND Paul' });
    expect(await t.deps.db.select().from(absences).where(eq(absences.practitionerId, s.dentist.id))).toEqual(
      [],
    );

    const kept = await admin.post('/api/console/absences', { ...body, coveredAppointments: 'keep' });
    expect(kept.status).toBe(201);
    const live = await t.deps.db
      .select()
      .from(appointments)
      .where(eq(appointments.practitionerId, s.dentist.id));
    expect(live.every((row) => row.cancelledAt === null)).toBe(true);

    // the same over a recurring absence on that weekday: cancel them, a notice to the patient each
    const weekday = Temporal.PlainDate.from(day).dayOfWeek;
    const recurring = await admin.post('/api/console/absences', {
      practitionerId: s.dentist.id,
      title: 'Bloc opératoire',
      oneOff: null,
      recurring: {
        firstDay: day,
        startTime: '09:30',
        endTime: '11:30',
        weekly: { weekdays: [weekday], intervalWeeks: 1, until: null },
      },
      coveredAppointments: 'cancel',
    });
    expect(recurring.status).toBe(201);
    const after = await t.deps.db
      .select()
      .from(appointments)
      .where(eq(appointments.practitionerId, s.dentist.id));
    expect(after.filter((row) => row.cancelledAt !== null)).toHaveLength(2);
    expect(after.filter((row) => row.status === 'cancelled' && row.cancelledBy === 'practice')).toHaveLength(
      2,
    );
    const notices = await t.deps.db
      .select()
      .from(outbox)
      .where(eq(outbox.kind, 'appointment_cancelled_by_practice'));
    expect(
      notices.filter((notice) => after.some((row) => row.id === notice.appointmentId)).length,
    ).toBeGreaterThan(0);
  });

  it('covers nothing: saved at once; a secretary may not decide for a dentist (403)', async () => {
    const s = await setup();
    const admin = await staffClient(t.app, s.admin.email, testPassword);
    const desk = await staffClient(t.app, s.secretary.email, testPassword);
    const day = localDay(nextWeekdayAt(10));
    const body = {
      practitionerId: s.dentist.id,
      title: 'Congés',
      oneOff: { startDay: day, startTime: '14:00', endDay: day, endTime: '18:00' },
      recurring: null,
      coveredAppointments: 'cancel',
    };
    expect((await desk.post('/api/console/absences', body)).status).toBe(403);
    expect((await admin.post('/api/console/absences', body)).status).toBe(201);
  });

  it('refuses an unknown choice with a field message', async () => {
    const s = await setup();
    const admin = await staffClient(t.app, s.admin.email, testPassword);
    const day = localDay(nextWeekdayAt(10));
    const answer = await admin.post<{ issues: { path: string }[] }>('/api/console/absences', {
      practitionerId: s.dentist.id,
      title: 'Congés',
      oneOff: { startDay: day, startTime: '14:00', endDay: day, endTime: '18:00' },
      recurring: null,
      coveredAppointments: 'ignore',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.issues.map((issue) => issue.path)).toEqual(['coveredAppointments']);
  });
});

describe('monthly recurrence (§1.6)', () => {
  it('a range on the third Thursday gives slots on those days only; an absence on the 18th removes them', async () => {
    const s = await setup();
    const admin = await staffClient(t.app, s.admin.email, testPassword);
    const moreau = s.other.id;
    const today = Temporal.Instant.fromEpochMilliseconds(t.clock.now().getTime()).toZonedDateTimeISO(
      'Europe/Paris',
    );
    const firstDay = today.toPlainDate().toString();
    // Dr Moreau's weekly range is replaced by one on the third Thursday of each month, 14:00–16:00
    await t.deps.db.delete(openingRanges).where(eq(openingRanges.practitionerId, moreau));
    const created = await admin.post<{ monthly: unknown; rrule: string }>('/api/console/opening-ranges', {
      practitionerId: moreau,
      locationId: s.location.id,
      title: null,
      firstDay,
      startTime: '14:00',
      endTime: '16:00',
      weekly: null,
      monthly: { intervalMonths: 1, monthDay: null, nth: 3, weekday: 4, until: null },
      motifIds: [],
    });
    expect(created.status).toBe(201);
    expect(created.body.rrule).toBe('FREQ=MONTHLY;BYDAY=3TH;WKST=MO');
    const desk = await staffClient(t.app, s.secretary.email, testPassword);
    const slotDays = async (from: string, days: number) => {
      const answer = await desk.get<{ slots: { start: string }[] }>(
        `/api/console/slots?motifId=${s.motif.id}&practitionerIds=${moreau}&from=${from}&days=${days}`,
      );
      expect(answer.status).toBe(200);
      return [...new Set(answer.body.slots.map((slot) => localDay(slot.start)))];
    };
    const days = await slotDays(today.toInstant().toString(), 31);
    expect(days.length).toBeGreaterThan(0);
    for (const day of days) {
      const date = Temporal.PlainDate.from(day);
      expect(date.dayOfWeek).toBe(4);
      expect(Math.ceil(date.day / 7)).toBe(3);
    }

    // an absence every month on that day of the month: no slot left on it
    const [first] = days as [string];
    const absence = await admin.post('/api/console/absences', {
      practitionerId: moreau,
      title: 'Réunion mensuelle',
      oneOff: null,
      recurring: {
        firstDay,
        startTime: '13:00',
        endTime: '17:00',
        weekly: null,
        monthly: {
          intervalMonths: 1,
          monthDay: Temporal.PlainDate.from(first).day,
          nth: null,
          weekday: null,
          until: null,
        },
      },
    });
    expect(absence.status).toBe(201);
    expect(await slotDays(today.toInstant().toString(), 31)).not.toContain(first);
  });

  it('refuses a rule that is both weekly and monthly, or a monthly rule with no day', async () => {
    const s = await setup();
    const admin = await staffClient(t.app, s.admin.email, testPassword);
    const base = {
      practitionerId: s.dentist.id,
      locationId: s.location.id,
      title: null,
      firstDay: '2027-01-01',
      startTime: '14:00',
      endTime: '16:00',
      motifIds: [],
    };
    const both = await admin.post<{ issues: { path: string }[] }>('/api/console/opening-ranges', {
      ...base,
      weekly: { weekdays: [1], intervalWeeks: 1, until: null },
      monthly: { intervalMonths: 1, monthDay: 18, nth: null, weekday: null, until: null },
    });
    expect(both.status).toBe(400);
    expect(both.body.issues.map((issue) => issue.path)).toEqual(['monthly']);
    const noDay = await admin.post<{ issues: { path: string }[] }>('/api/console/opening-ranges', {
      ...base,
      weekly: null,
      monthly: { intervalMonths: 1, monthDay: null, nth: null, weekday: null, until: null },
    });
    expect(noDay.status).toBe(400);
    expect(noDay.body.issues.map((issue) => issue.path)).toEqual(['monthly.monthDay']);
  });
});

describe('moving a motif that is not booked online (§3.17)', () => {
  it('the manage link’s slots answer "call the practice" with its number, not "not found"', async () => {
    const s = await setup();
    const booked = await book(s, nextWeekdayAt(10));
    expect(booked.status).toBe(201);
    await t.deps.db.update(motifs).set({ onlineBookable: false }).where(eq(motifs.id, s.motif.id));
    const anyone = new TestClient(t.app);
    const slots = await anyone.get<{ code: string; reason: string; details: { phone: string } }>(
      `/api/public/appointments/${booked.body.manageToken}/slots`,
    );
    expect(slots.status).toBe(403);
    expect(slots.body).toMatchObject({ code: 'BOOKING_NOT_ALLOWED', reason: 'motif_not_online' });
    expect(slots.body.details.phone).toMatch(/^\+33/);
  });
});
