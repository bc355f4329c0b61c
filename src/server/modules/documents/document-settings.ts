import { eq } from 'drizzle-orm';
import { type DocumentSettings, defaultDocumentSettings, documentTypes } from '../../../contracts/documents';
import { type Ctx, withTransaction } from '../../context';
import type { Db } from '../../db/client';
import { practiceDocumentSettings } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';

/** The practice's sharing rules (DOC-2): what it saved, completed with the defaults. */
export async function getDocumentSettings(db: Db, practiceId: string): Promise<DocumentSettings> {
  const [row] = await db
    .select({ settings: practiceDocumentSettings.settings })
    .from(practiceDocumentSettings)
    .where(eq(practiceDocumentSettings.practiceId, practiceId));
  if (!row) return defaultDocumentSettings;
  const saved = row.settings;
  // a type added later starts with its default
  const types = Object.fromEntries(
    documentTypes.map((type) => [type, saved.types?.[type] ?? defaultDocumentSettings.types[type]]),
  ) as DocumentSettings['types'];
  return { ...defaultDocumentSettings, ...saved, types };
}

/**
 * The admin saves the sharing rules. Effective on the next request of every patient: a document that
 * stops being shared disappears from the app and answers 404.
 */
export async function updateDocumentSettings(
  ctx: Ctx,
  settings: DocumentSettings,
): Promise<DocumentSettings> {
  if (ctx.actor.kind !== 'staff') throw AppError.forbidden();
  const staffId = ctx.actor.staffId;
  return withTransaction(ctx, async (tx) => {
    const before = await getDocumentSettings(tx.db, tx.practiceId);
    await tx.db
      .insert(practiceDocumentSettings)
      .values({ practiceId: tx.practiceId, settings, updatedAt: tx.now, updatedBy: staffId })
      .onConflictDoUpdate({
        target: practiceDocumentSettings.practiceId,
        set: { settings, updatedAt: tx.now, updatedBy: staffId },
      });
    await recordAudit(tx, {
      action: 'settings.documents',
      entity: 'practice',
      entityId: tx.practiceId,
      details: { before, after: settings },
    });
    return settings;
  });
}
