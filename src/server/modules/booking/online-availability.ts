import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { appointmentMinutes } from '../../../domain/scheduling/motif-duration';
import { findSlots, type Slot, type SlotMotif, slotReach } from '../../../domain/scheduling/slots';
import type { Db } from '../../db/client';
import { motifs, openingRangeMotifs, openingRanges, staff } from '../../db/schema';
import type { Practice } from '../practice/find-practice';
import { loadAgendas } from '../scheduling/load-agendas';
import { closedDays } from '../scheduling/practice-calendar';

export type MotifRow = typeof motifs.$inferSelect;

/**
 * Practitioners patients may book online (SET-7), with the motifs their opening ranges offer.
 * @public
 */
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

/** The engine's view of a motif booked online: its length for this patient, buffers and delays. */
export function onlineSlotMotif(motif: MotifRow, length: SlotLength): SlotMotif {
  return {
    id: motif.id,
    durationMinutes: 'minutes' in length ? length.minutes : appointmentMinutes(motif, length.firstVisit),
    bufferBeforeMinutes: motif.bufferBeforeMinutes,
    bufferAfterMinutes: motif.bufferAfterMinutes,
    minDelayMinutes: motif.minBookingDelayMinutes,
    maxDelayDays: motif.maxBookingDelayDays,
  };
}

/**
 * How long the appointment sought lasts: the motif's length for a first visit or not, or, to move an
 * appointment, its own length (the moved appointment itself is then not in its own way).
 */
export type SlotLength = { firstVisit: boolean } | { minutes: number; movingAppointmentId: string };

/**
 * Free slots patients may book online for a motif over a window of starts: the engine with the motif's
 * length (its first-visit duration for a new patient), buffers, minimum and maximum delays, closed days
 * and the online practitioners only. Nothing when booking is closed. The agendas are read over the
 * slots' whole reach, so the same answer comes whatever window is asked: a one-minute window at the
 * chosen start (the booking check) and a week (the page) agree.
 */
export async function onlineSlots(
  db: Db,
  practice: Practice,
  motif: MotifRow,
  practitionerIds: string[],
  window: { from: Date; to: Date; now: Date; length: SlotLength },
): Promise<Slot[]> {
  if (!practice.onlineBookingOpen || !motif.onlineBookable || practitionerIds.length === 0) return [];
  const { from, to, now, length } = window;
  const slotMotif = onlineSlotMotif(motif, length);
  const reach = slotReach(from.getTime(), to.getTime(), slotMotif);
  return findSlots({
    timeZone: practice.timeZone,
    from: from.getTime(),
    to: to.getTime(),
    now: now.getTime(),
    gridMinutes: practice.slotGridMinutes,
    motif: slotMotif,
    practitioners: await loadAgendas(
      db,
      practice.id,
      practitionerIds,
      new Date(reach.start),
      new Date(reach.end),
      'movingAppointmentId' in length ? { exceptAppointmentId: length.movingAppointmentId } : {},
    ),
    closedDays: closedDays(practice, from, to),
  });
}
