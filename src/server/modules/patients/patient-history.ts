import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { PatientHistory } from '../../../contracts/patients';
import { type Ctx, withTransaction } from '../../context';
import { appointments, patients } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { appointmentViews } from '../scheduling/appointment-view';
import { visiblePractitionerIds } from '../scheduling/visibility';

/**
 * A patient's appointments, newest first, with the counts of PAT-4: to fill in (past, no status), seen,
 * upcoming, excused, not excused, cancelled by the practice. Only those on agendas the caller may see
 * (RDV-1, SET-3, the agenda's own rule): the admin and the front desk every one; a practitioner their
 * own and those of colleagues who granted them theirs. A colleague's appointment without a grant is
 * left out, motif and comment with it, and counts for nothing.
 */
export async function patientHistory(ctx: Ctx, patientId: string): Promise<PatientHistory> {
  const visible =
    ctx.actor.kind === 'staff' && ctx.actor.role === 'practitioner'
      ? await visiblePractitionerIds(ctx)
      : null;
  return withTransaction(ctx, async (tx) => {
    const [patient] = await tx.db
      .select({ id: patients.id })
      .from(patients)
      .where(and(eq(patients.id, patientId), eq(patients.practiceId, tx.practiceId)));
    if (!patient) throw AppError.notFound();
    const items = (
      await appointmentViews(
        tx.db,
        tx.practiceId,
        and(
          eq(appointments.patientId, patientId),
          isNull(appointments.deletedAt),
          visible ? inArray(appointments.practitionerId, visible) : undefined,
        ),
      )
    ).sort((a, b) => b.startsAt.localeCompare(a.startsAt));
    const now = tx.now.toISOString();
    const counts = { toFill: 0, seen: 0, upcoming: 0, excused: 0, notExcused: 0, cancelled: 0 };
    for (const item of items) {
      if (item.status === 'excused') counts.excused += 1;
      else if (item.status === 'not_excused') counts.notExcused += 1;
      else if (item.status === 'cancelled') counts.cancelled += 1;
      else if (item.status === 'seen') counts.seen += 1;
      else if (item.startsAt > now) counts.upcoming += 1;
      else counts.toFill += 1;
    }
    await recordAudit(tx, {
      action: 'patient.history',
      entity: 'patient',
      entityId: patientId,
      patientId,
      details: { appointmentIds: items.map((item) => item.id) },
    });
    return { counts, items };
  });
}
