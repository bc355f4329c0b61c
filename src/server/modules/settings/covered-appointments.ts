import { and, asc, eq, gt, isNull, lt } from 'drizzle-orm';
import type { CoveredAppointment } from '../../../contracts/settings';
import { occurrencesInWindow } from '../../../domain/scheduling/occurrences';
import type { Ctx } from '../../context';
import { type absences, appointments, motifs, patients } from '../../db/schema';
import { findPracticeById } from '../practice/find-practice';
import { recurrenceOf } from '../scheduling/load-agendas';

type AbsenceValues = Pick<
  typeof absences.$inferInsert,
  | 'practitionerId'
  | 'startsAt'
  | 'endsAt'
  | 'firstDay'
  | 'startMinute'
  | 'endMinute'
  | 'weekdays'
  | 'intervalWeeks'
  | 'intervalMonths'
  | 'monthDay'
  | 'monthNth'
  | 'monthWeekday'
  | 'untilDay'
>;

const dayMs = 86_400_000;
/** How far ahead a recurring absence is checked against the agenda. */
const recurringHorizonDays = 400;
/** How many covered appointments are listed at most (the count is always exact up to it). */
export const coveredListLimit = 200;

/**
 * The live, future appointments of the practitioner that an absence would cover (SET-6, issue 9 §1.7):
 * for a one-off absence, those meeting its interval; for a recurring one, those meeting one of its
 * occurrences over the coming months. Read with the patient's name and the motif, for the dialog, and the
 * patient's id, for the audit trail (the answer does not carry it).
 */
export async function coveredAppointments(
  ctx: Ctx,
  values: AbsenceValues,
): Promise<(CoveredAppointment & { patientId: string })[]> {
  const now = ctx.now.getTime();
  let from: number;
  let to: number;
  if (values.startsAt && values.endsAt) {
    from = Math.max(values.startsAt.getTime(), now);
    to = values.endsAt.getTime();
  } else {
    from = Math.max(Date.parse(`${values.firstDay}T00:00:00Z`) - dayMs, now);
    const horizon = now + recurringHorizonDays * dayMs;
    to = values.untilDay
      ? Math.min(Date.parse(`${values.untilDay}T00:00:00Z`) + 2 * dayMs, horizon)
      : horizon;
  }
  if (!(from < to)) return [];
  const rows = await ctx.db
    .select({
      id: appointments.id,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      lastName: patients.lastName,
      firstName: patients.firstName,
      patientId: appointments.patientId,
      motifName: motifs.name,
    })
    .from(appointments)
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .innerJoin(motifs, eq(motifs.id, appointments.motifId))
    .where(
      and(
        eq(appointments.practiceId, ctx.practiceId),
        eq(appointments.practitionerId, values.practitionerId),
        lt(appointments.startsAt, new Date(to)),
        gt(appointments.endsAt, new Date(from)),
        isNull(appointments.cancelledAt),
        isNull(appointments.deletedAt),
      ),
    )
    .orderBy(asc(appointments.startsAt))
    .limit(values.startsAt ? coveredListLimit : 5000);
  let covered = rows;
  if (!values.startsAt && values.firstDay) {
    const practice = await findPracticeById(ctx.db, ctx.practiceId);
    const occurrences = occurrencesInWindow(
      [
        {
          recurrence: recurrenceOf({
            firstDay: values.firstDay,
            weekdays: values.weekdays ?? null,
            intervalWeeks: values.intervalWeeks ?? null,
            intervalMonths: values.intervalMonths ?? null,
            monthDay: values.monthDay ?? null,
            monthNth: values.monthNth ?? null,
            monthWeekday: values.monthWeekday ?? null,
            untilDay: values.untilDay ?? null,
          }),
          startMinute: values.startMinute ?? 0,
          endMinute: values.endMinute ?? 0,
        },
      ],
      practice.timeZone,
      from,
      to,
    ).map((occurrence) => occurrence.interval);
    covered = rows.filter((row) =>
      occurrences.some(
        (interval) => interval.start < row.endsAt.getTime() && interval.end > row.startsAt.getTime(),
      ),
    );
  }
  return covered.slice(0, coveredListLimit).map((row) => ({
    id: row.id,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    patientName: `${row.lastName.toUpperCase()} ${row.firstName}`,
    patientId: row.patientId,
    motifName: row.motifName,
  }));
}
