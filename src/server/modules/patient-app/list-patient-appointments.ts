import { and, eq, gt, inArray, isNull, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { PatientAppointmentPage, patientAppointmentsQuery } from '../../../contracts/patient-app';
import type { Ctx } from '../../context';
import { appointments } from '../../db/schema';
import { keysetCursor } from '../cursor';
import { appFamilyMember } from './app-family';
import { selectAppointmentFacts } from './appointment-rows';
import { patientAppointmentOf } from './patient-appointment-view';

/** Statuses of an appointment still to come (not seen, not missed, not cancelled). */
export const liveStatuses = ['unknown', 'waiting_room'] as const;

/**
 * "My appointments" of one family member (APP-3): the upcoming ones in ascending order, or the whole
 * history in chronological order with its statuses; keyset-paginated on (start, id).
 */
export async function listPatientAppointments(
  ctx: Ctx,
  query: z.infer<typeof patientAppointmentsQuery>,
): Promise<PatientAppointmentPage> {
  const member = await appFamilyMember(ctx, query.patientId);
  const after = keysetCursor.decode(query.cursor);
  const rows = await selectAppointmentFacts(
    ctx.db,
    and(
      eq(appointments.practiceId, ctx.practiceId),
      eq(appointments.patientId, member.id),
      isNull(appointments.deletedAt),
      ...(query.scope === 'upcoming'
        ? [
            isNull(appointments.cancelledAt),
            inArray(appointments.status, [...liveStatuses]),
            gt(appointments.endsAt, ctx.now),
          ]
        : []),
      ...(after
        ? [
            or(
              gt(appointments.startsAt, after.at),
              and(eq(appointments.startsAt, after.at), gt(appointments.id, after.id)),
            ),
          ]
        : []),
    ),
    query.limit + 1,
  );
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((facts) => patientAppointmentOf(ctx.deps, facts)),
    nextCursor: keysetCursor.next(rows, query.limit, ({ appointment }) => ({
      at: appointment.startsAt,
      id: appointment.id,
    })),
  };
}
