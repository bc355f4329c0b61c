import { eq } from 'drizzle-orm';
import type { FeedPatientDetail } from '../../../contracts/feeds';
import { type Ctx, withTransaction } from '../../context';
import { practices } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';

/**
 * The admin chooses what calendar feeds and daily exports show of patients: initials (the default),
 * full name, or nothing. It applies to every feed at its next refresh and to the next export.
 */
export async function updateFeedSettings(ctx: Ctx, patientDetail: FeedPatientDetail): Promise<void> {
  if (ctx.actor.kind !== 'staff' || ctx.actor.role !== 'admin') throw AppError.forbidden();
  await withTransaction(ctx, async (tx) => {
    const [before] = await tx.db
      .select({ patientDetail: practices.feedPatientDetail })
      .from(practices)
      .where(eq(practices.id, tx.practiceId))
      .for('update');
    if (!before) throw AppError.notFound();
    if (before.patientDetail === patientDetail) return;
    await tx.db
      .update(practices)
      .set({ feedPatientDetail: patientDetail })
      .where(eq(practices.id, tx.practiceId));
    await recordAudit(tx, {
      action: 'settings.practice',
      entity: 'practice',
      entityId: tx.practiceId,
      details: { fields: ['feedPatientDetail'], from: before.patientDetail, to: patientDetail },
    });
  });
}
