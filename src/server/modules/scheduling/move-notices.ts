import { and, eq, inArray, like, sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { outbox } from '../../db/schema';

/**
 * The "new time" notices of one version of an appointment, as `queueAppointmentNotice` keys them
 * (`appt:<id>:moved:v<version>:<channel>`). A change made in the agenda holds them a few seconds, and
 * its undo withdraws them while they have not left, so a patient never reads "your appointment moved"
 * followed by "it moved back".
 */
function movedNoticesOf(ctx: Ctx, appointmentId: string, version: number) {
  return and(
    eq(outbox.practiceId, ctx.practiceId),
    eq(outbox.appointmentId, appointmentId),
    like(outbox.idempotencyKey, `appt:${appointmentId}:moved:v${version}:%`),
  );
}

/** Holds the pending notices of a version until `until` (same transaction as the change). */
export async function holdMoveNotices(
  ctx: Ctx,
  appointmentId: string,
  version: number,
  until: Date,
): Promise<void> {
  await ctx.db
    .update(outbox)
    .set({ nextAttemptAt: until })
    .where(and(movedNoticesOf(ctx, appointmentId, version), eq(outbox.status, 'pending')));
}

/**
 * Withdraws the notices of a version that have not left (pending, or held for want of a provider),
 * and says how many were withdrawn and how many had already left (being sent or sent). A withdrawn
 * message is deleted: it was never sent, and the appointment's history records the withdrawal.
 */
export async function withdrawMoveNotices(
  ctx: Ctx,
  appointmentId: string,
  version: number,
): Promise<{ withdrawn: number; left: number }> {
  const rows = await ctx.db
    .select({ id: outbox.id, status: outbox.status })
    .from(outbox)
    .where(movedNoticesOf(ctx, appointmentId, version))
    .for('update');
  const waiting = rows.filter((row) => row.status === 'pending' || row.status === 'held');
  const left = rows.filter((row) => row.status === 'sending' || row.status === 'sent').length;
  if (waiting.length > 0)
    await ctx.db.delete(outbox).where(
      and(
        inArray(
          outbox.id,
          waiting.map((row) => row.id),
        ),
        sql`${outbox.status} in ('pending', 'held')`,
      ),
    );
  return { withdrawn: waiting.length, left };
}
