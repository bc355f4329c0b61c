import {
  and,
  asc,
  eq,
  exists,
  gt,
  gte,
  inArray,
  isNull,
  lt,
  lte,
  ne,
  notExists,
  or,
  type SQL,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { type AppDeps, type Ctx, makeCtx, withTransaction } from '../../context';
import {
  appointments,
  locations,
  motifs,
  patientReferents,
  patients,
  staff,
  waitlistEntries,
  waitlistOffers,
} from '../../db/schema';
import { AppError } from '../../errors';
import { type JobRow, scheduleJob } from '../../jobs/scheduled-jobs';
import { recordAudit } from '../audit/record-audit';
import { hashToken, newToken } from '../auth/tokens';
import { findPracticeById, type Practice } from '../practice/find-practice';
import { expireEndedEntries } from './expire-entries';
import {
  localDayBounds,
  localDayOf,
  maxOffersPerEntry,
  offerExpiry,
  offersPerRound,
  smsSendTime,
} from './offer-timing';
import { offerChannels, patientContacts } from './patient-contacts';
import { type OfferSetting, sendOffer } from './send-offer';
import { slotState } from './slot-state';

/** The payload `offerFreedSlot` (scheduling) gives the `waitlist_match` job. */
const freedSlotPayload = z.object({
  appointmentId: z.uuid(),
  practitionerId: z.uuid(),
  locationId: z.uuid(),
  motifId: z.uuid(),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
});
type FreedSlot = z.infer<typeof freedSlotPayload>;

const offeredEntries = alias(waitlistEntries, 'offered_entries');

/** Entries looked at per freed slot (then narrowed to 3 patients not offered anything today). */
const candidateLimit = 200;

/**
 * The `waitlist_match` job (RDV-6, RDV-10): a slot was freed, offer it to waiting patients. Matches the
 * active entries of the practice for the slot's motif whose window holds the slot's local day, whose
 * practitioner is unset or the slot's, when the motif still fits the freed time and may still be booked
 * (its minimum delay). Sends up to 3 offers, oldest entries first, never more than 3 per entry nor more
 * than one per patient per local day. Offers expire at the earlier of the last bookable moment and
 * 12 hours; when they expire unanswered, the next round goes to the next entries.
 *
 * Safe to run twice and on several servers: candidate entries and their patients are locked before
 * anything is counted, a slot with an open round is left alone, and messages carry idempotency keys.
 */
export async function matchFreedSlot(deps: AppDeps, job: JobRow): Promise<void> {
  if (!job.practiceId) return;
  const slot = freedSlotPayload.parse(job.payload);
  const ctx = makeCtx(deps, {
    practiceId: job.practiceId,
    actor: { kind: 'system' },
    requestId: `job:${job.id}`,
  });
  let practice: Practice;
  try {
    practice = await findPracticeById(ctx.db, ctx.practiceId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return;
    throw error;
  }
  await expireEndedEntries(ctx, localDayOf(ctx.now, practice.timeZone));
  if (!practice.waitlistEnabled) return;
  const setting = await offerSetting(ctx, practice, slot);
  if (!setting) return;
  const offered = await withTransaction(ctx, (tx) => offerRound(tx, setting, slot));
  if (offered > 0) deps.kickOutbox();
}

/** What the offer is about, or null when the freed time can no longer be offered. */
async function offerSetting(ctx: Ctx, practice: Practice, slot: FreedSlot) {
  const [row] = await ctx.db
    .select({ motif: motifs, practitioner: staff, location: locations })
    .from(motifs)
    .innerJoin(staff, and(eq(staff.id, slot.practitionerId), eq(staff.practiceId, practice.id)))
    .innerJoin(locations, and(eq(locations.id, slot.locationId), eq(locations.practiceId, practice.id)))
    .where(and(eq(motifs.id, slot.motifId), eq(motifs.practiceId, practice.id), isNull(motifs.archivedAt)));
  if (!row) return null;
  const start = new Date(slot.startsAt);
  const end = new Date(start.getTime() + row.motif.durationMinutes * 60_000);
  // the freed time may have been shorter than the motif (resized appointment)
  if (end.getTime() > Date.parse(slot.endsAt)) return null;
  const expiry = offerExpiry(start, row.motif.minBookingDelayMinutes, ctx.now);
  if (!expiry) return null;
  return { practice, ...row, start, end, ...expiry };
}

async function offerRound(
  tx: Ctx,
  setting: OfferSetting & { latest: Date },
  slot: FreedSlot,
): Promise<number> {
  const { practice, start, end, expiresAt } = setting;
  const candidates = await lockCandidates(tx, practice, setting, slot);
  if (candidates.length === 0) return 0;
  // Only now, with the entries locked, are offers counted: a second run, or another server working on
  // the same slot, waited for the first and sees its round.
  if (await roundIsOpen(tx, slot.practitionerId, start)) return 0;
  const state = await slotState(tx, practice, { ...slot, start, end });
  if (state !== 'free') return 0;

  const patientIds = [...new Set(candidates.map((row) => row.patient.id))].sort();
  // One offer per patient per day holds across motifs and slots: the patients are locked too (NO KEY
  // UPDATE does not block appointments referencing them), in a fixed order.
  await tx.db
    .select({ id: patients.id })
    .from(patients)
    .where(inArray(patients.id, patientIds))
    .orderBy(asc(patients.id))
    .for('no key update');
  const today = localDayBounds(localDayOf(tx.now, practice.timeZone), practice.timeZone);
  const offeredToday = new Set(
    (
      await tx.db
        .selectDistinct({ patientId: waitlistEntries.patientId })
        .from(waitlistOffers)
        .innerJoin(waitlistEntries, eq(waitlistEntries.id, waitlistOffers.entryId))
        .where(
          and(
            inArray(waitlistEntries.patientId, patientIds),
            gte(waitlistOffers.createdAt, today.start),
            lt(waitlistOffers.createdAt, today.end),
          ),
        )
    ).map((row) => row.patientId),
  );
  const contacts = await patientContacts(
    tx,
    candidates.map((row) => row.patient),
  );
  const smsAt = smsSendTime(tx.now, practice.timeZone);
  const smsInTime = smsAt.getTime() < expiresAt.getTime();

  const audits: Parameters<typeof recordAudit>[1] = [];
  for (const { entry, patient } of candidates) {
    if (audits.length >= offersPerRound) break;
    if (offeredToday.has(patient.id)) continue;
    const contact = contacts.get(patient.id) ?? { phone: null, email: null };
    const channels = offerChannels(patient.notificationChannel, contact, smsInTime);
    if (!channels.sms && !channels.email) continue;
    const token = newToken();
    const [offer] = await tx.db
      .insert(waitlistOffers)
      .values({
        practiceId: practice.id,
        entryId: entry.id,
        practitionerId: slot.practitionerId,
        locationId: slot.locationId,
        startsAt: start,
        endsAt: end,
        tokenHash: hashToken(token),
        expiresAt,
        createdAt: tx.now,
      })
      .returning({ id: waitlistOffers.id });
    if (!offer) throw new AppError('INTERNAL');
    await tx.db
      .update(waitlistEntries)
      .set({ offersSent: entry.offersSent + 1, lastOfferAt: tx.now })
      .where(eq(waitlistEntries.id, entry.id));
    offeredToday.add(patient.id);
    const sent = await sendOffer(tx, setting, {
      offerId: offer.id,
      token,
      patientId: patient.id,
      firstName: patient.firstName,
      lang: patient.lang,
      sms: channels.sms,
      email: channels.email,
      smsAt,
    });
    audits.push({
      action: 'waitlist.offer',
      entity: 'waitlist_offer',
      entityId: offer.id,
      patientId: patient.id,
      details: { entryId: entry.id, startsAt: start.toISOString(), channels: sent },
    });
  }
  await recordAudit(tx, audits);
  if (audits.length > 0 && expiresAt.getTime() < setting.latest.getTime()) {
    // nobody may answer: when this round expires, the next waiting patients get their chance
    await scheduleJob(tx.db, {
      kind: 'waitlist_match',
      practiceId: practice.id,
      runAt: expiresAt,
      payload: { ...slot },
      uniqueKey: `waitlist-round:${slot.practitionerId}:${start.toISOString()}:${expiresAt.toISOString()}`,
    });
  }
  return audits.length;
}

/** Matching entries in queue order, locked (FOR UPDATE OF the entries) in that order. */
async function lockCandidates(tx: Ctx, practice: Practice, setting: OfferSetting, slot: FreedSlot) {
  const { motif, start } = setting;
  const slotDay = localDayOf(start, practice.timeZone);
  const [freed] = await tx.db
    .select({ patientId: appointments.patientId })
    .from(appointments)
    .where(and(eq(appointments.id, slot.appointmentId), eq(appointments.practiceId, practice.id)));
  const filters: (SQL | undefined)[] = [
    eq(waitlistEntries.practiceId, practice.id),
    eq(waitlistEntries.status, 'active'),
    eq(waitlistEntries.motifId, motif.id),
    lt(waitlistEntries.offersSent, maxOffersPerEntry),
    lte(waitlistEntries.fromDay, slotDay),
    gte(waitlistEntries.toDay, slotDay),
    or(isNull(waitlistEntries.practitionerId), eq(waitlistEntries.practitionerId, slot.practitionerId)),
    isNull(patients.archivedAt),
    // the patient who just gave the slot up is not offered it back
    freed ? ne(waitlistEntries.patientId, freed.patientId) : undefined,
    // never the same slot twice to one patient (a slot freed again, a second request of theirs)
    notExists(
      tx.db
        .select({ id: waitlistOffers.id })
        .from(waitlistOffers)
        .innerJoin(offeredEntries, eq(offeredEntries.id, waitlistOffers.entryId))
        .where(
          and(
            eq(offeredEntries.patientId, waitlistEntries.patientId),
            eq(waitlistOffers.practitionerId, slot.practitionerId),
            eq(waitlistOffers.startsAt, start),
          ),
        ),
    ),
  ];
  if (motif.followUpOnly) {
    // a follow-up is only with the patient's own practitioner or a referent (SET-4)
    filters.push(
      or(
        eq(patients.ownPractitionerId, slot.practitionerId),
        exists(
          tx.db
            .select({ id: patientReferents.staffId })
            .from(patientReferents)
            .where(
              and(
                eq(patientReferents.patientId, patients.id),
                eq(patientReferents.staffId, slot.practitionerId),
              ),
            ),
        ),
      ),
    );
  }
  return tx.db
    .select({
      entry: waitlistEntries,
      patient: {
        id: patients.id,
        firstName: patients.firstName,
        mobilePhone: patients.mobilePhone,
        email: patients.email,
        notificationChannel: patients.notificationChannel,
        lang: patients.lang,
      },
    })
    .from(waitlistEntries)
    .innerJoin(patients, eq(patients.id, waitlistEntries.patientId))
    .where(and(...filters))
    .orderBy(asc(waitlistEntries.createdAt), asc(waitlistEntries.id))
    .limit(candidateLimit)
    .for('update', { of: waitlistEntries });
}

/** An offer of this slot is still open (sent, not expired, its entry still waiting). */
async function roundIsOpen(tx: Ctx, practitionerId: string, start: Date): Promise<boolean> {
  const [open] = await tx.db
    .select({ id: waitlistOffers.id })
    .from(waitlistOffers)
    .innerJoin(waitlistEntries, eq(waitlistEntries.id, waitlistOffers.entryId))
    .where(
      and(
        eq(waitlistOffers.practiceId, tx.practiceId),
        eq(waitlistOffers.practitionerId, practitionerId),
        eq(waitlistOffers.startsAt, start),
        eq(waitlistOffers.status, 'sent'),
        gt(waitlistOffers.expiresAt, tx.now),
        eq(waitlistEntries.status, 'active'),
      ),
    )
    .limit(1);
  return !!open;
}
