import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { UndoChangeResult, undoChangeBody } from '../../../contracts/scheduling';
import { type Ctx, withTransaction } from '../../context';
import { appointments } from '../../db/schema';
import { AppError } from '../../errors';
import { scheduleReminder } from '../app-reminders/appointment-reminders';
import { auditRefusals } from '../audit/audited-refusal';
import { recordAudit } from '../audit/record-audit';
import { queueAppointmentNotice } from '../notifications/appointment-notices';
import {
  appendHistory,
  checkLocation,
  checkPractitionerChange,
  lockAppointment,
  slotGuarded,
} from './appointment-rules';
import { appointmentViews } from './appointment-view';
import { withdrawMoveNotices } from './move-notices';

/**
 * Undo of a move or resize made in the agenda (issue 9 §2.9): puts the appointment back where it was.
 * The change's notice is withdrawn when it has not left yet (it is held a few seconds for this), so the
 * patient hears of neither; when it had left, the patient is told the time put back. Refused with 409
 * CONFLICT when the appointment changed again since (another version) or was cancelled, and 409
 * SLOT_TAKEN when its former time was taken meanwhile; a refusal changes nothing.
 */
export async function undoAppointmentChange(
  ctx: Ctx,
  id: string,
  input: z.infer<typeof undoChangeBody>,
): Promise<UndoChangeResult> {
  let practitionersTouched: string[] = [];
  const result = await auditRefusals(ctx, () =>
    withTransaction(ctx, async (tx) => {
      const current = await lockAppointment(tx, id);
      if (current.cancelledAt || current.version !== input.version)
        throw new AppError('CONFLICT', { details: { reason: 'changed_since' } });
      // the same rules as any change of practitioner (RDV-5): an undo is no way around them
      if (input.practitionerId !== current.practitionerId)
        await checkPractitionerChange(
          tx,
          current.patientId,
          input.practitionerId,
          current.patientAgreedOtherPractitioner,
        );
      if (input.locationId !== current.locationId) await checkLocation(tx, input.locationId);
      const startsAt = new Date(input.startsAt);
      const endsAt = new Date(input.endsAt);
      if (endsAt <= startsAt) throw AppError.field('endsAt', 'end_before_start');

      const replaced =
        startsAt.getTime() !== current.startsAt.getTime() ||
        input.practitionerId !== current.practitionerId ||
        input.locationId !== current.locationId;
      const notices = await withdrawMoveNotices(tx, id, current.version);
      // told of the change: told of the undo too; told nothing: nothing to take back
      const tellAgain = replaced && notices.left > 0;
      await slotGuarded(() =>
        tx.db
          .update(appointments)
          .set({
            practitionerId: input.practitionerId,
            locationId: input.locationId,
            startsAt,
            endsAt,
            version: replaced ? current.version + 1 : current.version,
            updatedAt: tx.now,
          })
          .where(eq(appointments.id, id)),
      );
      await appendHistory(tx, id, 'change_undone', {
        from: current.startsAt.toISOString(),
        to: startsAt.toISOString(),
        minutes: Math.round((endsAt.getTime() - startsAt.getTime()) / 60_000),
        noticesWithdrawn: notices.withdrawn,
      });
      if (tellAgain) await queueAppointmentNotice(tx, id, 'moved');
      if (replaced) await scheduleReminder(tx, id);
      await recordAudit(tx, {
        action: 'appointment.undo_change',
        entity: 'appointment',
        entityId: id,
        patientId: current.patientId,
        details: { undoneVersion: current.version, noticesWithdrawn: notices.withdrawn, tellAgain },
      });
      practitionersTouched = [...new Set([current.practitionerId, input.practitionerId])];
      const [view] = await appointmentViews(tx.db, tx.practiceId, eq(appointments.id, id));
      if (!view) throw new AppError('INTERNAL');
      const notice: UndoChangeResult['notice'] = tellAgain
        ? 'sent_again'
        : notices.withdrawn > 0
          ? 'withdrawn'
          : 'none';
      return { appointment: view, notice };
    }),
  );
  ctx.deps.live.publish({
    practiceId: ctx.practiceId,
    practitionerIds: practitionersTouched,
    appointmentId: id,
  });
  return result;
}
