import { eq } from 'drizzle-orm';
import { type Ctx, withTransaction } from '../../context';
import { appointments } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { appendHistory, lockAppointment } from './appointment-rules';
import { offerFreedSlot } from './freed-slot';

/**
 * Deletes an appointment entered by mistake (admin only): it leaves the agenda and the statistics but
 * stays in the database, with its history and the audit trail, for traceability.
 */
export async function deleteAppointment(ctx: Ctx, id: string): Promise<void> {
  let practitionerId = '';
  await withTransaction(ctx, async (tx) => {
    const current = await lockAppointment(tx, id);
    practitionerId = current.practitionerId;
    await tx.db
      .update(appointments)
      .set({ deletedAt: tx.now, updatedAt: tx.now })
      .where(eq(appointments.id, id));
    await appendHistory(tx, id, 'deleted');
    if (!current.cancelledAt) await offerFreedSlot(tx, current);
    await recordAudit(tx, {
      action: 'appointment.delete',
      entity: 'appointment',
      entityId: id,
      patientId: current.patientId,
    });
  });
  ctx.deps.live.publish({ practiceId: ctx.practiceId, practitionerIds: [practitionerId], appointmentId: id });
}
