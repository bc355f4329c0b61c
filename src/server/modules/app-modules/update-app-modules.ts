import type { AppModules } from '../../../contracts/patient-app';
import { type Ctx, withTransaction } from '../../context';
import { practiceAppSettings } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { getAppModules } from './app-modules';

/**
 * The admin saves the patient app's options (SET-8, console "Options"). Effective on the next request
 * of every patient: a module switched off answers 403 and its tile disappears.
 */
export async function updateAppModules(ctx: Ctx, modules: AppModules): Promise<AppModules> {
  if (ctx.actor.kind !== 'staff') throw AppError.forbidden();
  const staffId = ctx.actor.staffId;
  return withTransaction(ctx, async (tx) => {
    const before = await getAppModules(tx.db, tx.practiceId);
    await tx.db
      .insert(practiceAppSettings)
      .values({ practiceId: tx.practiceId, modules, updatedAt: tx.now, updatedBy: staffId })
      .onConflictDoUpdate({
        target: practiceAppSettings.practiceId,
        set: { modules, updatedAt: tx.now, updatedBy: staffId },
      });
    await recordAudit(tx, {
      action: 'settings.app_modules',
      entity: 'practice',
      entityId: tx.practiceId,
      details: { before, after: modules },
    });
    return modules;
  });
}
