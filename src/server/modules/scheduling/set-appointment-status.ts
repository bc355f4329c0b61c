import { eq } from 'drizzle-orm';
import type { Appointment, AppointmentStatusName } from '../../../contracts/scheduling';
import { type Ctx, withTransaction } from '../../context';
import { appointments } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { appendHistory, lockAppointment } from './appointment-rules';
import { appointmentViews } from './appointment-view';

/**
 * The status buttons (RDV-7): unknown, in the waiting room, seen, excused, not excused. A cancelled
 * appointment can only have its excused / not excused classification corrected.
 */
export async function setAppointmentStatus(
  ctx: Ctx,
  id: string,
  status: Exclude<AppointmentStatusName, 'cancelled'>,
): Promise<Appointment> {
  const result = await withTransaction(ctx, async (tx) => {
    const current = await lockAppointment(tx, id);
    if (current.cancelledAt && status !== 'excused' && status !== 'not_excused')
      throw new AppError('CONFLICT');
    if (current.status !== status) {
      await tx.db.update(appointments).set({ status, updatedAt: tx.now }).where(eq(appointments.id, id));
      await appendHistory(tx, id, 'status_changed', { from: current.status, to: status });
      await recordAudit(tx, {
        action: 'appointment.status',
        entity: 'appointment',
        entityId: id,
        patientId: current.patientId,
        details: { status },
      });
    }
    const [view] = await appointmentViews(tx.db, tx.practiceId, eq(appointments.id, id));
    if (!view) throw new AppError('INTERNAL');
    return view;
  });
  ctx.deps.live.publish({
    practiceId: ctx.practiceId,
    practitionerIds: [result.practitionerId],
    appointmentId: id,
  });
  return result;
}
