import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { findSlots, type Slot } from '../../../domain/scheduling/slots';
import type { Db } from '../../db/client';
import { motifs, openingRangeMotifs, openingRanges, staff } from '../../db/schema';
import type { Practice } from '../practice/find-practice';
import { loadAgendas } from '../scheduling/load-agendas';
import { closedDays } from '../scheduling/practice-calendar';

export type MotifRow = typeof motifs.$inferSelect;

/** Practitioners patients may book online (SET-7), with the motifs their opening ranges offer. */
export async function onlinePractitioners(db: Db, practiceId: string) {
  const members = await db
    .select()
    .from(staff)
    .where(
      and(
        eq(staff.practiceId, practiceId),
        eq(staff.role, 'practitioner'),
        isNull(staff.removedAt),
        eq(staff.onlineBookingOpen, true),
      ),
    )
    .orderBy(asc(staff.lastName), asc(staff.firstName));
  if (members.length === 0) return [];
  const offers = await db
    .select({
      practitionerId: openingRanges.practitionerId,
      motifIds: sql<
        string[]
      >`coalesce(array_agg(distinct ${openingRangeMotifs.motifId}) filter (where ${openingRangeMotifs.motifId} is not null), '{}')`,
      everyMotif: sql<boolean>`bool_or(${openingRangeMotifs.motifId} is null)`,
    })
    .from(openingRanges)
    .leftJoin(openingRangeMotifs, eq(openingRangeMotifs.openingRangeId, openingRanges.id))
    .where(
      and(
        eq(openingRanges.practiceId, practiceId),
        isNull(openingRanges.archivedAt),
        inArray(
          openingRanges.practitionerId,
          members.map((member) => member.id),
        ),
      ),
    )
    .groupBy(openingRanges.practitionerId);
  return members.map((member) => {
    const offer = offers.find((row) => row.practitionerId === member.id);
    return { member, motifIds: offer?.motifIds ?? [], everyMotif: offer?.everyMotif ?? false };
  });
}

/** Motifs patients may book online, in the practice's order. */
export async function onlineMotifs(db: Db, practiceId: string): Promise<MotifRow[]> {
  return db
    .select()
    .from(motifs)
    .where(and(eq(motifs.practiceId, practiceId), eq(motifs.onlineBookable, true), isNull(motifs.archivedAt)))
    .orderBy(asc(motifs.position), asc(motifs.name));
}

/**
 * Free slots patients may book online for a motif over a window: the engine with the motif's minimum
 * and maximum delays, closed days and the online practitioners only. Nothing when booking is closed.
 */
export async function onlineSlots(
  db: Db,
  practice: Practice,
  motif: MotifRow,
  practitionerIds: string[],
  from: Date,
  to: Date,
  now: Date,
): Promise<Slot[]> {
  if (!practice.onlineBookingOpen || !motif.onlineBookable || practitionerIds.length === 0) return [];
  return findSlots({
    timeZone: practice.timeZone,
    from: from.getTime(),
    to: to.getTime(),
    now: now.getTime(),
    gridMinutes: practice.slotGridMinutes,
    motif: {
      id: motif.id,
      durationMinutes: motif.durationMinutes,
      bufferBeforeMinutes: motif.bufferBeforeMinutes,
      bufferAfterMinutes: motif.bufferAfterMinutes,
      minDelayMinutes: motif.minBookingDelayMinutes,
      maxDelayDays: motif.maxBookingDelayDays,
    },
    practitioners: await loadAgendas(db, practice.id, practitionerIds, from, to),
    closedDays: closedDays(practice, from, to),
  });
}
