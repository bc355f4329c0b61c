import { and, gt, inArray, isNull, lt } from 'drizzle-orm';
import type { Agenda } from '../../../contracts/scheduling';
import { occurrencesInWindow } from '../../../domain/scheduling/occurrences';
import { type Ctx, withTransaction } from '../../context';
import { appointments } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { findPracticeById } from '../practice/find-practice';
import { appointmentViews } from './appointment-view';
import { loadAgendas } from './load-agendas';
import { holidaysBetween } from './practice-calendar';
import { practitionersOf, resolvePractitioners } from './visibility';

const maxWindowMs = 42 * 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The staff agenda over a window (RDV-1): appointments coloured by motif, opening ranges, absences and
 * holidays, for the practitioners asked for (each of which the caller must be allowed to see). The
 * read of the patients it shows is audited (SEC-2).
 */
export async function getAgenda(
  ctx: Ctx,
  query: { from: string; to: string; practitionerIds?: string[] },
): Promise<Agenda> {
  const from = new Date(query.from);
  const to = new Date(query.to);
  if (!(to > from)) throw AppError.field('to', 'too_small', { minimum: query.from });
  if (to.getTime() - from.getTime() > maxWindowMs)
    throw AppError.field('to', 'too_big', { maximum: '42 days' });
  const practice = await findPracticeById(ctx.db, ctx.practiceId);
  const ids = await resolvePractitioners(ctx, query.practitionerIds);
  const team = (await practitionersOf(ctx)).filter((member) => ids.includes(member.id));
  const agendas = await loadAgendas(ctx.db, ctx.practiceId, ids, from, to);

  return withTransaction(ctx, async (tx) => {
    const list =
      ids.length === 0
        ? []
        : await appointmentViews(
            tx.db,
            tx.practiceId,
            and(
              inArray(appointments.practitionerId, ids),
              lt(appointments.startsAt, to),
              gt(appointments.endsAt, from),
              isNull(appointments.deletedAt),
            ),
          );
    if (list.length > 0) {
      await recordAudit(tx, {
        action: 'agenda.read',
        entity: 'agenda',
        details: {
          from: query.from,
          to: query.to,
          patientIds: [...new Set(list.map((item) => item.patient.id))],
        },
      });
    }
    return {
      timeZone: practice.timeZone,
      gridMinutes: practice.slotGridMinutes,
      practitioners: team.map((member) => ({
        id: member.id,
        title: member.title,
        firstName: member.firstName,
        lastName: member.lastName,
        colour: member.colour,
      })),
      appointments: list,
      openings: agendas.flatMap((agenda) =>
        occurrencesInWindow(agenda.ranges, practice.timeZone, from.getTime(), to.getTime()).map(
          ({ item, interval }) => ({
            practitionerId: agenda.practitionerId,
            locationId: item.locationId,
            start: iso(interval.start),
            end: iso(interval.end),
          }),
        ),
      ),
      absences: agendas.flatMap((agenda) => [
        ...agenda.absences.map((absence) => ({
          practitionerId: agenda.practitionerId,
          title: absence.title,
          start: iso(absence.start),
          end: iso(absence.end),
        })),
        ...occurrencesInWindow(agenda.recurringAbsences, practice.timeZone, from.getTime(), to.getTime()).map(
          ({ item, interval }) => ({
            practitionerId: agenda.practitionerId,
            title: item.title,
            start: iso(interval.start),
            end: iso(interval.end),
          }),
        ),
      ]),
      holidays: practice.closedOnPublicHolidays ? holidaysBetween(practice, from, to, tx.lang) : [],
    };
  });
}
