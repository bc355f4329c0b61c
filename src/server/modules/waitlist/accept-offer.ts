import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { BookedAppointment } from '../../../contracts/booking';
import type { Lang } from '../../../contracts/i18n/lang';
import type { acceptOfferBody } from '../../../contracts/waitlist';
import { type AppDeps, type Ctx, makeCtx, withTransaction } from '../../context';
import {
  appointments,
  motifs,
  type OfferStatus,
  patients,
  waitlistEntries,
  waitlistOffers,
} from '../../db/schema';
import { AppError } from '../../errors';
import { scheduleReminder } from '../app-reminders/appointment-reminders';
import { recordAudit } from '../audit/record-audit';
import { bookedView } from '../booking/booked-view';
import { queueAppointmentNotice } from '../notifications/appointment-notices';
import type { Practice } from '../practice/find-practice';
import { appendHistory, slotGuarded } from '../scheduling/appointment-rules';
import { type FoundOffer, findOffer } from './get-offer';
import { slotState } from './slot-state';

type Outcome =
  | { kind: 'booked'; appointmentId: string; practitionerId: string }
  | { kind: 'already'; appointmentId: string }
  | { kind: 'refused'; reason: 'offer_taken' | 'offer_expired' };

/**
 * A waiting patient accepts an offered slot (RDV-10): the appointment is booked for the entry's
 * patient (channel online, history, confirmation and reminder, audit), the offer is accepted, the
 * request fulfilled, and the other offers of the slot become `taken`. The first acceptance wins: the
 * offers of one slot are locked together, and the exclusion constraint catches a booking made meanwhile
 * by anyone else — both answer 403 `offer_taken`; a late one `offer_expired`. Accepting the same link
 * again gives the same appointment.
 */
export async function acceptOffer(
  deps: AppDeps,
  token: string,
  input: z.infer<typeof acceptOfferBody>,
  meta: { ip: string | null; lang: Lang; requestId: string },
): Promise<BookedAppointment> {
  const found = await findOffer(deps.db, token);
  const { offer, entry, patient, motif, practice } = found;
  const now = deps.clock.now();
  // settled already: answer at once (the transaction below decides everything else for real)
  if (offer.status === 'accepted' && offer.appointmentId) return bookedView(deps, offer.appointmentId);
  if (offer.status === 'taken') throw AppError.refused('offer_taken');
  if (offer.status === 'expired' || offer.expiresAt.getTime() <= now.getTime() || entry.status !== 'active')
    throw AppError.refused('offer_expired');
  if (motif.instructionsBefore && !input.acceptedInstructions)
    throw AppError.field('acceptedInstructions', 'required');

  const ctx = makeCtx(deps, {
    practiceId: practice.id,
    actor: {
      kind: 'patient',
      phone: patient.mobilePhone ?? '',
      patientId: patient.id,
      sessionId: `offer:${offer.id}`,
    },
    requestId: meta.requestId,
    ip: meta.ip,
    lang: meta.lang,
  });
  let outcome: Outcome;
  try {
    outcome = await withTransaction(ctx, (tx) => bookOffer(tx, practice, found));
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'SLOT_TAKEN')) throw error;
    // booked meanwhile by someone else (the agenda, online, another offer of an overlapping time)
    await settle(ctx, [offer.id], 'taken');
    throw AppError.refused('offer_taken');
  }
  if (outcome.kind === 'refused') throw AppError.refused(outcome.reason);
  if (outcome.kind === 'booked') {
    deps.live.publish({
      practiceId: practice.id,
      practitionerIds: [outcome.practitionerId],
      appointmentId: outcome.appointmentId,
    });
  }
  return bookedView(deps, outcome.appointmentId);
}

async function bookOffer(tx: Ctx, practice: Practice, found: FoundOffer): Promise<Outcome> {
  // Every offer of this slot, locked in a fixed order: two acceptances of one slot run one after the
  // other, and the second sees the first.
  const sameSlot = await tx.db
    .select()
    .from(waitlistOffers)
    .where(
      and(
        eq(waitlistOffers.practiceId, practice.id),
        eq(waitlistOffers.practitionerId, found.offer.practitionerId),
        eq(waitlistOffers.startsAt, found.offer.startsAt),
      ),
    )
    .orderBy(asc(waitlistOffers.id))
    .for('update');
  const offer = sameSlot.find((row) => row.id === found.offer.id);
  if (!offer) throw AppError.notFound();
  if (offer.status === 'accepted' && offer.appointmentId)
    return { kind: 'already', appointmentId: offer.appointmentId };
  if (offer.status === 'taken' || sameSlot.some((row) => row.status === 'accepted'))
    return refuse(tx, offer.id, 'offer_taken');

  const [entry] = await tx.db
    .select()
    .from(waitlistEntries)
    .where(eq(waitlistEntries.id, offer.entryId))
    .for('update');
  const [patient] = await tx.db
    .select()
    .from(patients)
    .where(and(eq(patients.id, found.patient.id), isNull(patients.archivedAt)));
  const [motif] = await tx.db
    .select()
    .from(motifs)
    .where(and(eq(motifs.id, found.motif.id), isNull(motifs.archivedAt)));
  if (
    !entry ||
    !patient ||
    !motif ||
    entry.status !== 'active' ||
    offer.status !== 'sent' ||
    offer.expiresAt.getTime() <= tx.now.getTime()
  )
    return refuse(tx, offer.id, 'offer_expired');
  const state = await slotState(tx, practice, {
    practitionerId: offer.practitionerId,
    locationId: offer.locationId,
    start: offer.startsAt,
    end: offer.endsAt,
  });
  if (state === 'booked') return refuse(tx, offer.id, 'offer_taken');
  if (state === 'unavailable') return refuse(tx, offer.id, 'offer_expired');

  // accepting an offer naming this practitioner is the patient's agreement to see them (RDV-5)
  const otherPractitioner = !!patient.ownPractitionerId && patient.ownPractitionerId !== offer.practitionerId;
  const [row] = await slotGuarded(() =>
    tx.db
      .insert(appointments)
      .values({
        practiceId: practice.id,
        practitionerId: offer.practitionerId,
        locationId: offer.locationId,
        motifId: motif.id,
        patientId: patient.id,
        startsAt: offer.startsAt,
        endsAt: offer.endsAt,
        channel: 'online',
        patientAgreedOtherPractitioner: otherPractitioner,
        createdAt: tx.now,
        updatedAt: tx.now,
      })
      .returning(),
  );
  if (!row) throw new AppError('INTERNAL');
  if (!patient.ownPractitionerId) {
    await tx.db
      .update(patients)
      .set({ ownPractitionerId: offer.practitionerId, updatedAt: tx.now })
      .where(eq(patients.id, patient.id));
  }
  await tx.db
    .update(waitlistOffers)
    .set({ status: 'accepted', appointmentId: row.id })
    .where(eq(waitlistOffers.id, offer.id));
  const others = sameSlot.filter((other) => other.id !== offer.id && other.status === 'sent');
  await settle(
    tx,
    others.map((other) => other.id),
    'taken',
  );
  await tx.db.update(waitlistEntries).set({ status: 'fulfilled' }).where(eq(waitlistEntries.id, entry.id));
  await appendHistory(tx, row.id, 'created', {
    channel: 'online',
    waitlistOfferId: offer.id,
    startsAt: row.startsAt.toISOString(),
  });
  await queueAppointmentNotice(tx, row.id, 'confirmation');
  await scheduleReminder(tx, row.id);
  await recordAudit(tx, [
    {
      action: 'appointment.create',
      entity: 'appointment',
      entityId: row.id,
      patientId: patient.id,
      details: { channel: 'online', waitlistOfferId: offer.id },
    },
    { action: 'waitlist.accept', entity: 'waitlist_entry', entityId: entry.id, patientId: patient.id },
  ]);
  return { kind: 'booked', appointmentId: row.id, practitionerId: row.practitionerId };
}

async function refuse(tx: Ctx, offerId: string, reason: 'offer_taken' | 'offer_expired'): Promise<Outcome> {
  await settle(tx, [offerId], reason === 'offer_taken' ? 'taken' : 'expired');
  return { kind: 'refused', reason };
}

/** Offers still `sent` that can no longer be accepted get their final status. */
async function settle(ctx: Ctx, offerIds: string[], status: Exclude<OfferStatus, 'sent' | 'accepted'>) {
  if (offerIds.length === 0) return;
  await ctx.db
    .update(waitlistOffers)
    .set({ status })
    .where(and(inArray(waitlistOffers.id, offerIds), eq(waitlistOffers.status, 'sent')));
}
