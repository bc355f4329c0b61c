import { and, eq, type SQL } from 'drizzle-orm';
import type { WaitlistEntry } from '../../../contracts/waitlist';
import type { Ctx } from '../../context';
import { motifs, patients, waitlistEntries } from '../../db/schema';

export type EntryRow = typeof waitlistEntries.$inferSelect;

interface ViewParts {
  entry: EntryRow;
  patient: { id: string; firstName: string; lastName: string; birthDate: string };
  motif: { id: string; name: string };
}

/** A waiting-list entry as the API shows it. */
export function entryView({ entry, patient, motif }: ViewParts): WaitlistEntry {
  return {
    id: entry.id,
    patient: {
      id: patient.id,
      firstName: patient.firstName,
      lastName: patient.lastName,
      birthDate: patient.birthDate,
    },
    motif: { id: motif.id, name: motif.name },
    practitionerId: entry.practitionerId,
    fromDay: entry.fromDay,
    toDay: entry.toDay,
    status: entry.status,
    offersSent: entry.offersSent,
    lastOfferAt: entry.lastOfferAt?.toISOString() ?? null,
    createdBy: entry.createdBy,
    createdAt: entry.createdAt.toISOString(),
  };
}

/** Entries of the caller's practice with their patient's and motif's names, in one query. */
export function selectEntries(ctx: Ctx, where?: SQL) {
  return ctx.db
    .select({
      entry: waitlistEntries,
      patient: {
        id: patients.id,
        firstName: patients.firstName,
        lastName: patients.lastName,
        birthDate: patients.birthDate,
      },
      motif: { id: motifs.id, name: motifs.name },
    })
    .from(waitlistEntries)
    .innerJoin(patients, eq(patients.id, waitlistEntries.patientId))
    .innerJoin(motifs, eq(motifs.id, waitlistEntries.motifId))
    .where(and(eq(waitlistEntries.practiceId, ctx.practiceId), where));
}
