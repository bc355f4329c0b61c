import { and, eq, gt, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { BookedAppointment, createBookingBody } from '../../../contracts/booking';
import type { Lang } from '../../../contracts/i18n/lang';
import { nameKeys } from '../../../domain/phonetic';
import { appointmentMinutes } from '../../../domain/scheduling/motif-duration';
import { onlineRefusal } from '../../../domain/scheduling/online-rules';
import { type AppDeps, makeCtx, withTransaction } from '../../context';
import type { Db } from '../../db/client';
import { appointments, bookingGrants, locations, motifs, patientReferents, patients } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { hashToken } from '../auth/tokens';
import { queueAppointmentNotice, scheduleReminder } from '../notifications/appointment-notices';
import { familyOfPhone } from '../patients/family';
import { findPracticeBySlug, type Practice } from '../practice/find-practice';
import { appendHistory, lockAgenda, slotGuarded } from '../scheduling/appointment-rules';
import { bookedView } from './booked-view';
import { nextOnlineSlots } from './next-slots';
import { onlinePractitioners, onlineSlots, type SlotLength } from './online-availability';

const postalCodeShape = { FR: /^\d{5}$/, CH: /^\d{4}$/ } as const;

/**
 * Books online (BOOK-2, BOOK-3): the server checks every rule again — booking open, practitioner open,
 * motif online, delays, new / existing patients, follow-up with the own practitioner or a referent, the
 * slot still free — then creates the appointment (and a new patient's file) in one transaction. A slot
 * taken meanwhile answers 409 SLOT_TAKEN with the next free slots. A parent books for a dependant.
 */
export async function createBooking(
  deps: AppDeps,
  slug: string,
  input: z.infer<typeof createBookingBody>,
  meta: { ip: string | null; lang: Lang; requestId: string },
): Promise<BookedAppointment> {
  const now = deps.clock.now();
  const practice = await findPracticeBySlug(deps.db, slug);
  const [grant] = await deps.db
    .select()
    .from(bookingGrants)
    .where(
      and(
        eq(bookingGrants.tokenHash, hashToken(input.bookingToken)),
        eq(bookingGrants.practiceId, practice.id),
        gt(bookingGrants.expiresAt, now),
      ),
    );
  if (!grant) throw new AppError('CODE_EXPIRED');

  const [motif] = await deps.db
    .select()
    .from(motifs)
    .where(and(eq(motifs.id, input.motifId), eq(motifs.practiceId, practice.id), isNull(motifs.archivedAt)));
  if (!motif) throw AppError.field('motifId', 'invalid_choice');
  const offer = (await onlinePractitioners(deps.db, practice.id)).find(
    (entry) => entry.member.id === input.practitionerId,
  );
  const [location] = await deps.db
    .select()
    .from(locations)
    .where(
      and(
        eq(locations.id, input.locationId),
        eq(locations.practiceId, practice.id),
        isNull(locations.archivedAt),
      ),
    );
  if (!location) throw AppError.field('locationId', 'invalid_choice');

  const family = grant.patientId ? await familyOfPhone(deps.db, practice.id, grant.phone) : [];
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
  const referents = patient
    ? (await deps.db.select().from(patientReferents).where(eq(patientReferents.patientId, patient.id))).map(
        (row) => row.staffId,
      )
    : [];
  // a patient without a file at the practice comes for a first visit, with the motif's first-visit length
  const length = { firstVisit: !patient };
  const isFree = async (db: Db) =>
    offer
      ? (
          await onlineSlots(db, practice, motif, [offer.member.id], {
            from: start,
            to: new Date(start.getTime() + 60_000),
            now,
            length,
          })
        ).some((slot) => slot.start === start.getTime() && slot.locationId === location.id)
      : false;
  const free = await isFree(deps.db);
  const refusal = onlineRefusal({
    practiceOpen: practice.onlineBookingOpen,
    practitionerOpen: !!offer && (offer.everyMotif || offer.motifIds.includes(motif.id)),
    motif,
    knownPatient: !!patient,
    ownOrReferent:
      !!patient &&
      (patient.ownPractitionerId === input.practitionerId || referents.includes(input.practitionerId)),
    start: start.getTime(),
    now: now.getTime(),
    timeZone: practice.timeZone,
    isFreeSlot: free,
  });
  if (refusal === 'not_a_slot')
    throw await slotTaken(deps, practice, motif.id, input.practitionerId, start, length);
  if (refusal) throw AppError.refused(refusal);

  const ctx = makeCtx(deps, {
    practiceId: practice.id,
    actor: {
      kind: 'patient',
      phone: grant.phone,
      patientId: patient?.id ?? '',
      sessionId: `booking:${grant.id}`,
    },
    requestId: meta.requestId,
    ip: meta.ip,
    lang: meta.lang,
  });
  let appointmentId: string;
  try {
    appointmentId = await withTransaction(ctx, async (tx) => {
      // checked again once alone in the practitioner's agenda: a booking that committed meanwhile may
      // have taken the slot, or its buffers may reach it
      await lockAgenda(tx, input.practitionerId);
      if (!(await isFree(tx.db))) throw new AppError('SLOT_TAKEN');
      let bookedPatientId = patient?.id;
      if (!bookedPatientId && input.newPatient) {
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
            lang: meta.lang,
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: patients.id });
        bookedPatientId = created?.id;
        await recordAudit(tx, {
          action: 'patient.create',
          entity: 'patient',
          entityId: bookedPatientId ?? null,
          patientId: bookedPatientId ?? null,
          details: { channel: 'online' },
        });
      }
      if (!bookedPatientId) throw new AppError('INTERNAL');
      const [row] = await slotGuarded(() =>
        tx.db
          .insert(appointments)
          .values({
            practiceId: practice.id,
            practitionerId: input.practitionerId,
            locationId: location.id,
            motifId: motif.id,
            patientId: bookedPatientId,
            startsAt: start,
            endsAt: new Date(start.getTime() + appointmentMinutes(motif, length.firstVisit) * 60_000),
            channel: 'online',
            firstVisit: !patient,
            createdAt: now,
            updatedAt: now,
          })
          .returning(),
      );
      if (!row) throw new AppError('INTERNAL');
      if (patient && !patient.ownPractitionerId) {
        await tx.db
          .update(patients)
          .set({ ownPractitionerId: input.practitionerId, updatedAt: now })
          .where(eq(patients.id, patient.id));
      }
      await appendHistory(tx, row.id, 'created', { channel: 'online', startsAt: row.startsAt.toISOString() });
      await queueAppointmentNotice(tx, row.id, 'confirmation');
      await scheduleReminder(tx, row.id);
      await recordAudit(tx, {
        action: 'appointment.create',
        entity: 'appointment',
        entityId: row.id,
        patientId: bookedPatientId,
        details: { channel: 'online' },
      });
      return row.id;
    });
  } catch (error) {
    if (error instanceof AppError && error.code === 'SLOT_TAKEN')
      throw await slotTaken(deps, practice, motif.id, input.practitionerId, start, length);
    throw error;
  }
  deps.live.publish({ practiceId: practice.id, practitionerIds: [input.practitionerId], appointmentId });
  return bookedView(deps, appointmentId);
}

/** "This slot was just taken", with the next free slots to choose from instead of an error page. */
async function slotTaken(
  deps: AppDeps,
  practice: Practice,
  motifId: string,
  practitionerId: string,
  after: Date,
  length: SlotLength,
): Promise<AppError> {
  const nextSlots = await nextOnlineSlots(deps, practice, motifId, practitionerId, after, length);
  return new AppError('SLOT_TAKEN', { details: { nextSlots } });
}
