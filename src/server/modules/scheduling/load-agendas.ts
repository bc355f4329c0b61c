import { and, eq, gt, gte, inArray, isNotNull, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import type { MonthNth, Recurrence } from '../../../domain/scheduling/recurrence';
import {
  type Interval,
  maxBufferMinutes,
  type OpeningRange,
  type PractitionerAgenda,
  type RecurringAbsence,
} from '../../../domain/scheduling/slots';
import type { Db } from '../../db/client';
import { absences, appointments, motifs, openingRangeMotifs, openingRanges } from '../../db/schema';

/** Longest appointment, to bound the index scan on start times. */
const longestAppointmentMs = 12 * 3600_000;
const dayMs = 86_400_000;
const maxBufferMs = maxBufferMinutes * 60_000;

type RangeRow = typeof openingRanges.$inferSelect;
type AbsenceRow = typeof absences.$inferSelect;

/** @public */
export function recurrenceOf(row: {
  firstDay: string | null;
  weekdays: number[] | null;
  intervalWeeks: number | null;
  untilDay: string | null;
  intervalMonths?: number | null;
  monthDay?: number | null;
  monthNth?: number | null;
  monthWeekday?: number | null;
}): Recurrence {
  return {
    firstDay: row.firstDay ?? '1970-01-01',
    monthly: row.intervalMonths
      ? {
          intervalMonths: row.intervalMonths,
          monthDay: row.monthDay ?? null,
          // the database's CHECK keeps it within 1–5 or -1
          nth: (row.monthNth ?? null) as MonthNth | null,
          weekday: row.monthWeekday ?? null,
          until: row.untilDay,
        }
      : null,
    weekly:
      row.intervalWeeks && row.weekdays
        ? { weekdays: row.weekdays, intervalWeeks: row.intervalWeeks, until: row.untilDay }
        : null,
  };
}

/** What the engine needs, plus the absences' titles for the agenda. */
export interface LoadedAgenda extends PractitionerAgenda {
  absences: (Interval & { title: string })[];
  recurringAbsences: (RecurringAbsence & { title: string })[];
}

/**
 * Everything the slot engine needs for some practitioners over a window, in three queries whatever
 * their number: opening ranges (with their motifs), absences, live appointments with their motifs'
 * buffers. The window is of instants to cover, not of slot starts: a slot search passes its `slotReach`,
 * so an absence or appointment that meets a slot near the window's edges is never missed. Appointments
 * whose buffers alone reach into the window are included.
 * @public
 */
export async function loadAgendas(
  db: Db,
  practiceId: string,
  practitionerIds: string[],
  from: Date,
  to: Date,
  options: { exceptAppointmentId?: string } = {},
): Promise<LoadedAgenda[]> {
  if (practitionerIds.length === 0) return [];
  const fromDay = new Date(from.getTime() - 2 * dayMs).toISOString().slice(0, 10);
  const toDay = new Date(to.getTime() + 2 * dayMs).toISOString().slice(0, 10);

  const [ranges, absenceRows, live] = await Promise.all([
    db
      .select({
        range: openingRanges,
        motifIds: sql<
          string[]
        >`coalesce(array_agg(${openingRangeMotifs.motifId}) filter (where ${openingRangeMotifs.motifId} is not null), '{}')`,
      })
      .from(openingRanges)
      .leftJoin(openingRangeMotifs, eq(openingRangeMotifs.openingRangeId, openingRanges.id))
      .where(
        and(
          eq(openingRanges.practiceId, practiceId),
          inArray(openingRanges.practitionerId, practitionerIds),
          isNull(openingRanges.archivedAt),
          lte(openingRanges.firstDay, toDay),
          or(
            and(isNull(openingRanges.intervalWeeks), gte(openingRanges.firstDay, fromDay)),
            and(
              isNotNull(openingRanges.intervalWeeks),
              or(isNull(openingRanges.untilDay), gte(openingRanges.untilDay, fromDay)),
            ),
          ),
        ),
      )
      .groupBy(openingRanges.id),
    db
      .select()
      .from(absences)
      .where(
        and(
          eq(absences.practiceId, practiceId),
          inArray(absences.practitionerId, practitionerIds),
          or(
            and(lt(absences.startsAt, to), gt(absences.endsAt, from)),
            and(
              lte(absences.firstDay, toDay),
              or(isNull(absences.untilDay), gte(absences.untilDay, fromDay)),
            ),
          ),
        ),
      ),
    db
      .select({
        practitionerId: appointments.practitionerId,
        start: appointments.startsAt,
        end: appointments.endsAt,
        bufferBeforeMinutes: motifs.bufferBeforeMinutes,
        bufferAfterMinutes: motifs.bufferAfterMinutes,
      })
      .from(appointments)
      .innerJoin(motifs, eq(motifs.id, appointments.motifId))
      .where(
        and(
          eq(appointments.practiceId, practiceId),
          inArray(appointments.practitionerId, practitionerIds),
          gt(appointments.startsAt, new Date(from.getTime() - longestAppointmentMs - maxBufferMs)),
          lt(appointments.startsAt, new Date(to.getTime() + maxBufferMs)),
          gt(appointments.endsAt, new Date(from.getTime() - maxBufferMs)),
          isNull(appointments.cancelledAt),
          isNull(appointments.deletedAt),
          // an appointment being moved does not stand in its own way
          options.exceptAppointmentId ? ne(appointments.id, options.exceptAppointmentId) : undefined,
        ),
      ),
  ]);

  return practitionerIds.map((practitionerId) => ({
    practitionerId,
    ranges: ranges
      .filter((row) => row.range.practitionerId === practitionerId)
      .map((row) => toOpeningRange(row.range, row.motifIds)),
    absences: absenceRows
      .filter(
        (row): row is AbsenceRow & { startsAt: Date; endsAt: Date } =>
          row.practitionerId === practitionerId && !!row.startsAt && !!row.endsAt,
      )
      .map((row) => ({ start: row.startsAt.getTime(), end: row.endsAt.getTime(), title: row.title })),
    recurringAbsences: absenceRows
      .filter((row) => row.practitionerId === practitionerId && row.firstDay !== null)
      .map((row) => ({
        title: row.title,
        recurrence: recurrenceOf(row),
        startMinute: row.startMinute ?? 0,
        endMinute: row.endMinute ?? 0,
      })),
    appointments: live
      .filter((row) => row.practitionerId === practitionerId)
      .map((row) => ({
        start: row.start.getTime(),
        end: row.end.getTime(),
        bufferBeforeMinutes: row.bufferBeforeMinutes,
        bufferAfterMinutes: row.bufferAfterMinutes,
      })),
  }));
}

export function toOpeningRange(row: RangeRow, motifIds: string[]): OpeningRange {
  return {
    id: row.id,
    locationId: row.locationId,
    recurrence: recurrenceOf(row),
    startMinute: row.startMinute,
    endMinute: row.endMinute,
    motifIds,
  };
}
