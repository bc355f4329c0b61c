import { and, eq } from 'drizzle-orm';
import type { WaitlistEntry } from '../../../contracts/waitlist';
import { type Ctx, withTransaction } from '../../context';
import { waitlistEntries } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { entryView, selectEntries } from './entry-view';

/**
 * Takes a patient off the waiting list: the entry is kept, `cancelled`, and its open offers stop being
 * valid (acceptance checks the entry). Another practice's entry answers 404; an entry no longer active
 * answers 409 CONFLICT.
 */
export async function cancelWaitlistEntry(ctx: Ctx, entryId: string): Promise<WaitlistEntry> {
  if (ctx.actor.kind !== 'staff') throw AppError.forbidden();
  return withTransaction(ctx, async (tx) => {
    const [current] = await tx.db
      .select({ status: waitlistEntries.status, patientId: waitlistEntries.patientId })
      .from(waitlistEntries)
      .where(and(eq(waitlistEntries.id, entryId), eq(waitlistEntries.practiceId, tx.practiceId)))
      .for('update');
    if (!current) throw AppError.notFound();
    if (current.status !== 'active') throw new AppError('CONFLICT', { details: { status: current.status } });
    await tx.db.update(waitlistEntries).set({ status: 'cancelled' }).where(eq(waitlistEntries.id, entryId));
    await recordAudit(tx, {
      action: 'waitlist.cancel',
      entity: 'waitlist_entry',
      entityId: entryId,
      patientId: current.patientId,
    });
    const [row] = await selectEntries(tx, eq(waitlistEntries.id, entryId));
    if (!row) throw new AppError('INTERNAL');
    return entryView(row);
  });
}
