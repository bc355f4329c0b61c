import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { BookedAppointment, createBookingBody } from '../../../contracts/booking';
import { nameKeys } from '../../../domain/phonetic';
import { appointmentMinutes } from '../../../domain/scheduling/motif-duration';
import { onlineRefusal } from '../../../domain/scheduling/online-rules';
import { type Ctx, withTransaction } from '../../context';
import {
  appointments,
  bookingGrants,
  locations,
  motifs,
  openingRangeMotifs,
  openingRanges,
  patientReferents,
  patients,
  practices,
  staff,
} from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { hashToken } from '../auth/tokens';
import type { NoticeFacts } from '../notifications/appointment-notices';
import { familyOfPhone } from '../patients/family';
import type { Practice } from '../practice/find-practice';
import { announceNewAppointment } from '../scheduling/announce-appointment';
import { appendHistory, lockAgenda, slotGuarded } from '../scheduling/appointment-rules';
import { bookedAppointmentOf } from './booked-view';
import { nextOnlineSlots } from './next-slots';
import { type MotifRow, onlineSlots, type SlotLength } from './online-availability';

const postalCodeShape = { FR: /^\d{5}$/, CH: /^\d{4}$/ } as const;

type BookingInput = z.infer<typeof createBookingBody>;

/** What a refused slot needs to offer the next ones, once the transaction is rolled back. */
interface SlotContext {
  practice: Practice;
  motif: MotifRow;
  length: SlotLength;
}

/**
 * Books online (BOOK-2, BOOK-3) in the practice of `ctx` (the route resolved its slug). In one
 * transaction: the practice, the grant, the motif, the location and the practitioner are read once, in
 * one query; every rule is checked on those rows — booking open, practitioner open, motif online, delays,
 * new / existing patients, follow-up with the own practitioner or a referent —, then, alone in the
 * practitioner's agenda, the exact slot (its length, buffers, absences, opening ranges); the exclusion
 * constraint decides a race with a staff booking. Then the appointment (and a new patient's file), its
 * history, notices, reminders and audit are written, and the answer is made of the rows in memory. A
 * slot taken answers 409 SLOT_TAKEN with the next free slots. A parent books for a dependant.
 */
export async function createBooking(ctx: Ctx, input: BookingInput): Promise<BookedAppointment> {
  let slot: SlotContext | null = null;
  let facts: NoticeFacts;
  try {
    facts = await withTransaction(ctx, (tx) =>
      book(tx, input, (known) => {
        slot = known;
      }),
    );
  } catch (error) {
    const known = slot as SlotContext | null;
    if (known && error instanceof AppError && error.code === 'SLOT_TAKEN') {
      const nextSlots = await nextOnlineSlots(
        ctx,
        known.practice,
        known.motif,
        input.practitionerId,
        new Date(input.startsAt),
        known.length,
      );
      throw new AppError('SLOT_TAKEN', { details: { nextSlots } });
    }
    throw error;
  }
  ctx.deps.live.publish({
    practiceId: ctx.practiceId,
    practitionerIds: [input.practitionerId],
    appointmentId: facts.appointment.id,
  });
  return bookedAppointmentOf(ctx.deps, facts);
}

/** The booking's rows, read once: the practice with the grant, motif, location and practitioner asked. */
async function loadBookingRows(tx: Ctx, input: BookingInput) {
  // the practitioner's opening ranges offer the motif: a range without motifs offers every motif
  const offersMotif = sql<boolean>`exists (
    select 1 from ${openingRanges} r
     where r.practice_id = ${practices.id} and r.practitioner_id = ${staff.id} and r.archived_at is null
       and (not exists (select 1 from ${openingRangeMotifs} m where m.opening_range_id = r.id)
            or exists (select 1 from ${openingRangeMotifs} m
                        where m.opening_range_id = r.id and m.motif_id = ${motifs.id})))`;
  const [row] = await tx.db
    .select({
      practice: practices,
      grant: bookingGrants,
      motif: motifs,
      location: locations,
      practitioner: staff,
      offersMotif,
    })
    .from(practices)
    .leftJoin(
      bookingGrants,
      and(
        eq(bookingGrants.practiceId, practices.id),
        eq(bookingGrants.tokenHash, hashToken(input.bookingToken)),
        gt(bookingGrants.expiresAt, tx.now),
      ),
    )
    .leftJoin(
      motifs,
      and(eq(motifs.practiceId, practices.id), eq(motifs.id, input.motifId), isNull(motifs.archivedAt)),
    )
    .leftJoin(
      locations,
      and(
        eq(locations.practiceId, practices.id),
        eq(locations.id, input.locationId),
        isNull(locations.archivedAt),
      ),
    )
    // a practitioner patients may book online (SET-7)
    .leftJoin(
      staff,
      and(
        eq(staff.practiceId, practices.id),
        eq(staff.id, input.practitionerId),
        eq(staff.role, 'practitioner'),
        isNull(staff.removedAt),
        eq(staff.onlineBookingOpen, true),
      ),
    )
    .where(eq(practices.id, tx.practiceId));
  if (!row) throw AppError.notFound();
  return row;
}

async function book(
  tx: Ctx,
  input: BookingInput,
  slotKnown: (slot: SlotContext) => void,
): Promise<NoticeFacts> {
  const { practice, grant, motif, location, practitioner, offersMotif } = await loadBookingRows(tx, input);
  if (!grant) throw new AppError('CODE_EXPIRED');
  if (!motif) throw AppError.field('motifId', 'invalid_choice');
  if (!location) throw AppError.field('locationId', 'invalid_choice');

  const family = grant.patientId ? await familyOfPhone(tx.db, practice.id, grant.phone) : [];
  const patientId = input.patientId ?? grant.patientId;
  if (input.patientId && !family.some((member) => member.id === input.patientId))
    throw AppError.refused('not_in_family');
  const patient = family.find((member) => member.id === patientId) ?? null;
  if (!patient && !input.newPatient) throw AppError.field('newPatient', 'required');
  if (!patient && input.newPatient && !postalCodeShape[practice.country].test(input.newPatient.postalCode)) {
    throw AppError.field('newPatient.postalCode', 'postal_code');
  }
  if (motif.instructionsBefore && !input.acceptedInstructions)
    throw AppError.field('acceptedInstructions', 'required');

  const start = new Date(input.startsAt);
  // a patient without a file at the practice comes for a first visit, with the motif's first-visit length
  const length = { firstVisit: !patient };
  slotKnown({ practice, motif, length });
  const refusal = onlineRefusal({
    practiceOpen: practice.onlineBookingOpen,
    practitionerOpen: !!practitioner && offersMotif,
    motif,
    knownPatient: !!patient,
    ownOrReferent: !!patient && (await ownOrReferent(tx, patient, input.practitionerId, motif)),
    start: start.getTime(),
    now: tx.now.getTime(),
    timeZone: practice.timeZone,
    // the slot itself is checked below, alone in the agenda: it is the last rule
    isFreeSlot: true,
  });
  if (refusal) throw AppError.refused(refusal);

  // Alone in the practitioner's agenda (a booking that committed meanwhile may have taken the slot, or
  // its buffers may reach it), the exact slot: its start and length, on the engine's grid, within an
  // opening range of this location, clear of absences and of other appointments with their buffers.
  await lockAgenda(tx, input.practitionerId);
  const free =
    !!practitioner &&
    (
      await onlineSlots(tx.db, practice, motif, [practitioner.id], {
        from: start,
        to: new Date(start.getTime() + 60_000),
        now: tx.now,
        length,
      })
    ).some((slot) => slot.start === start.getTime() && slot.locationId === location.id);
  if (!free || !practitioner) throw new AppError('SLOT_TAKEN');

  const patientCtx: Ctx = {
    ...tx,
    actor: {
      kind: 'patient',
      phone: grant.phone,
      patientId: patient?.id ?? '',
      sessionId: `booking:${grant.id}`,
    },
  };
  let bookedPatient = patient;
  if (!bookedPatient && input.newPatient) {
    const [created] = await tx.db
      .insert(patients)
      .values({
        practiceId: practice.id,
        lastName: grant.lastName,
        firstName: grant.firstName,
        phoneticKeys: nameKeys(grant.lastName, grant.firstName),
        birthDate: grant.birthDate,
        mobilePhone: grant.phone,
        email: input.newPatient.email,
        addressLine: input.newPatient.addressLine,
        postalCode: input.newPatient.postalCode,
        city: input.newPatient.city,
        country: practice.country,
        ownPractitionerId: input.practitionerId,
        notificationChannel: input.newPatient.notificationChannel ?? 'both',
        lang: tx.lang,
        createdAt: tx.now,
        updatedAt: tx.now,
      })
      .returning();
    bookedPatient = created ?? null;
    await recordAudit(patientCtx, {
      action: 'patient.create',
      entity: 'patient',
      entityId: created?.id ?? null,
      patientId: created?.id ?? null,
      details: { channel: 'online' },
    });
  }
  if (!bookedPatient) throw new AppError('INTERNAL');
  const bookedPatientId = bookedPatient.id;
  const [appointment] = await slotGuarded(() =>
    tx.db
      .insert(appointments)
      .values({
        practiceId: practice.id,
        practitionerId: practitioner.id,
        locationId: location.id,
        motifId: motif.id,
        patientId: bookedPatientId,
        startsAt: start,
        endsAt: new Date(start.getTime() + appointmentMinutes(motif, length.firstVisit) * 60_000),
        channel: 'online',
        firstVisit: length.firstVisit,
        createdAt: tx.now,
        updatedAt: tx.now,
      })
      .returning(),
  );
  if (!appointment) throw new AppError('INTERNAL');
  if (!bookedPatient.ownPractitionerId) {
    await tx.db
      .update(patients)
      .set({ ownPractitionerId: practitioner.id, updatedAt: tx.now })
      .where(eq(patients.id, bookedPatient.id));
    bookedPatient = { ...bookedPatient, ownPractitionerId: practitioner.id, updatedAt: tx.now };
  }
  await appendHistory(patientCtx, appointment.id, 'created', {
    channel: 'online',
    startsAt: appointment.startsAt.toISOString(),
  });
  const facts = await announceNewAppointment(patientCtx, {
    appointment,
    patient: bookedPatient,
    motif,
    practitioner,
    location,
    practice,
  });
  await recordAudit(patientCtx, {
    action: 'appointment.create',
    entity: 'appointment',
    entityId: appointment.id,
    patientId: bookedPatient.id,
    details: { channel: 'online' },
  });
  return facts;
}

/**
 * Whether the practitioner is the patient's own or one of their referents; the referents are read only
 * when it matters (a follow-up motif, another practitioner than the own one).
 */
async function ownOrReferent(
  tx: Ctx,
  patient: { id: string; ownPractitionerId: string | null },
  practitionerId: string,
  motif: MotifRow,
): Promise<boolean> {
  if (patient.ownPractitionerId === practitionerId) return true;
  if (!motif.followUpOnly) return false;
  const referents = await tx.db
    .select({ staffId: patientReferents.staffId })
    .from(patientReferents)
    .where(and(eq(patientReferents.patientId, patient.id), eq(patientReferents.staffId, practitionerId)));
  return referents.length > 0;
}
