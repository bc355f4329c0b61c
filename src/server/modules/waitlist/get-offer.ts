import { eq } from 'drizzle-orm';
import type { Offer } from '../../../contracts/waitlist';
import { type AppDeps, makeCtx } from '../../context';
import type { Db } from '../../db/client';
import {
  locations,
  motifs,
  patients,
  practices,
  staff,
  waitlistEntries,
  waitlistOffers,
} from '../../db/schema';
import { AppError } from '../../errors';
import { hashToken } from '../auth/tokens';
import { mapLinkFor } from '../practice/public-practice';
import { slotState } from './slot-state';

/** An offer found by the token of its link, with everything its page shows; 404 for an unknown token. */
export async function findOffer(db: Db, token: string) {
  const [row] = await db
    .select({
      offer: waitlistOffers,
      entry: waitlistEntries,
      patient: patients,
      motif: motifs,
      practitioner: staff,
      location: locations,
      practice: practices,
    })
    .from(waitlistOffers)
    .innerJoin(waitlistEntries, eq(waitlistEntries.id, waitlistOffers.entryId))
    .innerJoin(patients, eq(patients.id, waitlistEntries.patientId))
    .innerJoin(motifs, eq(motifs.id, waitlistEntries.motifId))
    .innerJoin(staff, eq(staff.id, waitlistOffers.practitionerId))
    .innerJoin(locations, eq(locations.id, waitlistOffers.locationId))
    .innerJoin(practices, eq(practices.id, waitlistOffers.practiceId))
    .where(eq(waitlistOffers.tokenHash, hashToken(token)));
  if (!row) throw AppError.notFound();
  return row;
}

export type FoundOffer = Awaited<ReturnType<typeof findOffer>>;

/**
 * The offer page (RDV-10): the slot, with whom, where, until when, and whether it is still open. An
 * offer still `sent` reads `expired` once past its time or when its request is no longer waiting, and
 * `taken` when someone booked the time meanwhile. The link is the secret: only the first name shows.
 */
export async function getOffer(deps: AppDeps, token: string): Promise<Offer> {
  const found = await findOffer(deps.db, token);
  const { offer, entry, patient, motif, practitioner, location, practice } = found;
  const now = deps.clock.now();
  let status: Offer['status'];
  if (offer.status === 'accepted' || offer.status === 'taken' || offer.status === 'expired') {
    status = offer.status;
  } else if (offer.expiresAt.getTime() <= now.getTime() || entry.status !== 'active') {
    status = 'expired';
  } else {
    const ctx = makeCtx(deps, { practiceId: practice.id, actor: { kind: 'public' } });
    const state = await slotState(ctx, practice, {
      practitionerId: offer.practitionerId,
      locationId: offer.locationId,
      start: offer.startsAt,
      end: offer.endsAt,
    });
    status = state === 'free' ? 'open' : state === 'booked' ? 'taken' : 'expired';
  }
  const address = `${location.addressLine}, ${location.postalCode} ${location.city}`;
  return {
    status,
    startsAt: offer.startsAt.toISOString(),
    endsAt: offer.endsAt.toISOString(),
    expiresAt: offer.expiresAt.toISOString(),
    motif: { name: motif.name, instructionsBefore: motif.instructionsBefore },
    practitioner: {
      title: practitioner.title,
      firstName: practitioner.firstName,
      lastName: practitioner.lastName,
      speciality: practitioner.speciality,
    },
    location: { name: location.name, address, mapUrl: location.mapUrl ?? mapLinkFor(address) },
    patient: { firstName: patient.firstName },
    practice: {
      name: practice.name,
      slug: practice.slug,
      phone: practice.phone,
      timeZone: practice.timeZone,
    },
  };
}
