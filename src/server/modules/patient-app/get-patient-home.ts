import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { PatientHome } from '../../../contracts/patient-app';
import type { Ctx } from '../../context';
import { appointments } from '../../db/schema';
import { getAppModules } from '../app-modules/app-modules';
import { appFamily } from './app-family';
import { selectAppointmentFacts } from './appointment-rows';
import { liveStatuses } from './list-patient-appointments';
import { patientAppointmentOf } from './patient-appointment-view';

/**
 * The home screen (APP-2): the next appointment of the whole family (the answer says whom it is for)
 * and the module switches, so the app shows only the tiles of modules that are on.
 */
export async function getPatientHome(ctx: Ctx): Promise<PatientHome> {
  const modules = await getAppModules(ctx.db, ctx.practiceId);
  if (!modules.appointments.enabled) return { nextAppointment: null, modules };
  const family = await appFamily(ctx);
  if (family.length === 0) return { nextAppointment: null, modules };
  const [next] = await selectAppointmentFacts(
    ctx.db,
    and(
      eq(appointments.practiceId, ctx.practiceId),
      inArray(
        appointments.patientId,
        family.map((member) => member.id),
      ),
      isNull(appointments.deletedAt),
      isNull(appointments.cancelledAt),
      inArray(appointments.status, [...liveStatuses]),
      gt(appointments.endsAt, ctx.now),
    ),
    1,
  );
  return { nextAppointment: next ? patientAppointmentOf(ctx.deps, next) : null, modules };
}
