import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { PatientAppointment, PatientHome } from '../../../contracts/patient-app';
import type { Ctx } from '../../context';
import { appointments } from '../../db/schema';
import { appReader } from '../documents/app-reader';
import { selectAppointmentFacts } from './appointment-rows';
import { countDocumentsToSign, countFamilyUnread } from './home-counts';
import { liveStatuses } from './list-patient-appointments';
import { patientAppointmentOf } from './patient-appointment-view';

/**
 * The home screen (APP-2, issue 9 §3.15): for the whole family the phone sees — the next appointment (the
 * answer says whom it is for), the practice's unread messages and the documents to sign — with the module
 * switches, so the app shows only the tiles of modules that are on. A module switched off answers null.
 * A fixed number of queries whatever the family size: the phone's reader (family, relations, sharing
 * rules, switches), then the three figures side by side.
 */
export async function getPatientHome(ctx: Ctx): Promise<PatientHome> {
  const reader = await appReader(ctx);
  const { modules } = reader;
  const ids = [...reader.family.keys()];
  const [nextAppointment, unreadMessages, documentsToSign] = await Promise.all([
    modules.appointments.enabled ? nextFamilyAppointment(ctx, ids) : null,
    modules.messaging.enabled ? countFamilyUnread(ctx, ids) : null,
    modules.documents.enabled ? countDocumentsToSign(ctx, reader) : null,
  ]);
  return { nextAppointment, unreadMessages, documentsToSign, modules };
}

async function nextFamilyAppointment(ctx: Ctx, patientIds: string[]): Promise<PatientAppointment | null> {
  if (patientIds.length === 0) return null;
  const [next] = await selectAppointmentFacts(
    ctx.db,
    and(
      eq(appointments.practiceId, ctx.practiceId),
      inArray(appointments.patientId, patientIds),
      isNull(appointments.deletedAt),
      isNull(appointments.cancelledAt),
      inArray(appointments.status, [...liveStatuses]),
      gt(appointments.endsAt, ctx.now),
    ),
    1,
  );
  return next ? patientAppointmentOf(ctx.deps, next) : null;
}
