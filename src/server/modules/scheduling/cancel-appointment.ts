import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Appointment, cancelAppointmentBody } from '../../../contracts/scheduling';
import { classifyCancellation } from '../../../domain/scheduling/cancellation';
import { type Ctx, withTransaction } from '../../context';
import { appointments } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { queueAppointmentNotice } from '../notifications/appointment-notices';
import { findPracticeById } from '../practice/find-practice';
import { appendHistory, lockAppointment } from './appointment-rules';
import { appointmentViews } from './appointment-view';
import { offerFreedSlot } from './freed-slot';

/**
 * Cancels an appointment and frees its time (RDV-6). A patient's cancellation is classified excused or
 * not excused from when it happens (RDV-7, the practice's rule), unless staff override it; a
 * cancellation by the practice is "cancelled", which is never held against the patient.
 * @public
 */
export async function cancelAppointment(
  ctx: Ctx,
  id: string,
  input: z.infer<typeof cancelAppointmentBody>,
): Promise<Appointment> {
  const practice = await findPracticeById(ctx.db, ctx.practiceId);
  const cancelled = await withTransaction(ctx, async (tx) => {
    const current = await lockAppointment(tx, id);
    if (current.cancelledAt) throw new AppError('CONFLICT');
    const status =
      input.by === 'practice'
        ? ('cancelled' as const)
        : (input.classification ??
          classifyCancellation({
            appointmentStart: current.startsAt.getTime(),
            cancelledAt: tx.now.getTime(),
            timeZone: practice.timeZone,
            noticeHours: practice.excusedNoticeHours,
          }));
    await tx.db
      .update(appointments)
      .set({
        status,
        cancelledAt: tx.now,
        cancelledBy: input.by,
        cancellationReason: input.reason ?? null,
        version: current.version + 1,
        updatedAt: tx.now,
      })
      .where(eq(appointments.id, id));
    await appendHistory(tx, id, 'cancelled', {
      by: input.by,
      status,
      ...(input.classification ? { overridden: true } : {}),
      ...(input.reason ? { reason: input.reason } : {}),
    });
    await queueAppointmentNotice(
      tx,
      id,
      input.by === 'practice' ? 'cancelled_by_practice' : 'cancelled_by_patient',
    );
    await offerFreedSlot(tx, current);
    await recordAudit(tx, {
      action: 'appointment.cancel',
      entity: 'appointment',
      entityId: id,
      patientId: current.patientId,
    });
    const [view] = await appointmentViews(tx.db, tx.practiceId, eq(appointments.id, id));
    if (!view) throw new AppError('INTERNAL');
    return view;
  });
  ctx.deps.live.publish({
    practiceId: ctx.practiceId,
    practitionerIds: [cancelled.practitionerId],
    appointmentId: id,
  });
  return cancelled;
}
