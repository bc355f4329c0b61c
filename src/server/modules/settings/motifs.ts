import { and, asc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Motif, motifBody } from '../../../contracts/settings';
import { type Ctx, withTransaction } from '../../context';
import { motifs } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';

type MotifRow = typeof motifs.$inferSelect;

export function toMotif(row: MotifRow): Motif {
  return {
    id: row.id,
    name: row.name,
    category: row.category,
    durationMinutes: row.durationMinutes,
    firstVisitDurationMinutes: row.firstVisitDurationMinutes,
    colour: row.colour,
    kind: row.kind,
    onlineBookable: row.onlineBookable,
    minBookingDelayMinutes: row.minBookingDelayMinutes,
    maxBookingDelayDays: row.maxBookingDelayDays,
    patientRestriction: row.patientRestriction,
    followUpOnly: row.followUpOnly,
    bookableBySecretary: row.bookableBySecretary,
    notificationsEnabled: row.notificationsEnabled,
    instructionsBefore: row.instructionsBefore,
    instructionsAfter: row.instructionsAfter,
    bufferBeforeMinutes: row.bufferBeforeMinutes,
    bufferAfterMinutes: row.bufferAfterMinutes,
    position: row.position,
  };
}

/** The practice's motifs (SET-4) in their display order. */
export async function listMotifs(ctx: Ctx): Promise<Motif[]> {
  const rows = await ctx.db
    .select()
    .from(motifs)
    .where(and(eq(motifs.practiceId, ctx.practiceId), isNull(motifs.archivedAt)))
    .orderBy(asc(motifs.position), asc(motifs.name));
  return rows.map(toMotif);
}

/** A home visit cannot be booked by the front desk (seed 003): the rule is held here, not in the UI. */
function checkRules(input: Partial<z.infer<typeof motifBody>>, current?: MotifRow): void {
  const kind = input.kind ?? current?.kind;
  const bySecretary = input.bookableBySecretary ?? current?.bookableBySecretary;
  if (kind === 'home' && bySecretary) throw AppError.field('bookableBySecretary', 'invalid_choice');
}

export async function createMotif(ctx: Ctx, input: z.infer<typeof motifBody>): Promise<Motif> {
  checkRules({ ...input, bookableBySecretary: input.bookableBySecretary ?? input.kind !== 'home' });
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(motifs)
      .values({
        ...input,
        bookableBySecretary: input.bookableBySecretary ?? input.kind !== 'home',
        practiceId: tx.practiceId,
        createdAt: tx.now,
      })
      .returning();
    if (!row) throw new AppError('INTERNAL');
    await recordAudit(tx, { action: 'settings.motif.create', entity: 'motif', entityId: row.id });
    return toMotif(row);
  });
}

export async function updateMotif(
  ctx: Ctx,
  id: string,
  input: Partial<z.infer<typeof motifBody>>,
): Promise<Motif> {
  return withTransaction(ctx, async (tx) => {
    const [current] = await tx.db
      .select()
      .from(motifs)
      .where(and(eq(motifs.id, id), eq(motifs.practiceId, tx.practiceId), isNull(motifs.archivedAt)));
    if (!current) throw AppError.notFound();
    checkRules(input, current);
    if (Object.keys(input).length === 0) return toMotif(current);
    const [row] = await tx.db.update(motifs).set(input).where(eq(motifs.id, id)).returning();
    if (!row) throw AppError.notFound();
    await recordAudit(tx, { action: 'settings.motif.update', entity: 'motif', entityId: id });
    return toMotif(row);
  });
}

/** Archives a motif: existing appointments keep it, it can no longer be booked. */
export async function archiveMotif(ctx: Ctx, id: string): Promise<void> {
  await withTransaction(ctx, async (tx) => {
    const rows = await tx.db
      .update(motifs)
      .set({ archivedAt: tx.now })
      .where(and(eq(motifs.id, id), eq(motifs.practiceId, tx.practiceId), isNull(motifs.archivedAt)))
      .returning({ id: motifs.id });
    if (rows.length === 0) throw AppError.notFound();
    await recordAudit(tx, { action: 'settings.motif.archive', entity: 'motif', entityId: id });
  });
}
