import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { OpeningRange, openingRangeBody } from '../../../contracts/settings';
import { toRRule } from '../../../domain/scheduling/recurrence';
import { minutesOf, timeOfMinutes } from '../../../domain/time/local-date';
import { type Ctx, withTransaction } from '../../context';
import { motifs, openingRangeMotifs, openingRanges } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { checkLocation, checkPractitioner } from '../scheduling/appointment-rules';
import { recurrenceOf } from '../scheduling/load-agendas';
import { assertCanManageAgenda, resolvePractitioners } from '../scheduling/visibility';
import { recurrenceColumns } from './recurrence-columns';

type RangeRow = typeof openingRanges.$inferSelect;
type Input = z.infer<typeof openingRangeBody>;

function toOpeningRange(row: RangeRow, motifIds: string[]): OpeningRange {
  const recurrence = recurrenceOf(row);
  return {
    id: row.id,
    practitionerId: row.practitionerId,
    locationId: row.locationId,
    title: row.title,
    firstDay: row.firstDay,
    startTime: timeOfMinutes(row.startMinute),
    endTime: timeOfMinutes(row.endMinute),
    weekly: recurrence.weekly,
    monthly: recurrence.monthly ?? null,
    motifIds,
    rrule: toRRule(recurrence),
  };
}

/** Opening ranges (SET-5) of the practitioners the caller may see, or of one of them. */
export async function listOpeningRanges(ctx: Ctx, practitionerId?: string): Promise<OpeningRange[]> {
  const ids = await resolvePractitioners(ctx, practitionerId ? [practitionerId] : undefined);
  if (ids.length === 0) return [];
  const rows = await ctx.db
    .select({
      range: openingRanges,
      motifIds: sql<
        string[]
      >`coalesce(array_agg(${openingRangeMotifs.motifId}) filter (where ${openingRangeMotifs.motifId} is not null), '{}')`,
    })
    .from(openingRanges)
    .leftJoin(openingRangeMotifs, eq(openingRangeMotifs.openingRangeId, openingRanges.id))
    .where(
      and(
        eq(openingRanges.practiceId, ctx.practiceId),
        inArray(openingRanges.practitionerId, ids),
        isNull(openingRanges.archivedAt),
      ),
    )
    .groupBy(openingRanges.id)
    .orderBy(openingRanges.practitionerId, openingRanges.firstDay, openingRanges.startMinute);
  return rows.map((row) => toOpeningRange(row.range, row.motifIds));
}

async function validate(ctx: Ctx, input: Input) {
  assertCanManageAgenda(ctx, input.practitionerId);
  await checkPractitioner(ctx, input.practitionerId);
  await checkLocation(ctx, input.locationId);
  const startMinute = minutesOf(input.startTime);
  const endMinute = minutesOf(input.endTime);
  if (endMinute <= startMinute) throw AppError.field('endTime', 'end_before_start');
  const recurrence = recurrenceColumns(input, '', false);
  const motifIds = [...new Set(input.motifIds)];
  if (motifIds.length > 0) {
    const known = await ctx.db
      .select({ id: motifs.id })
      .from(motifs)
      .where(
        and(eq(motifs.practiceId, ctx.practiceId), inArray(motifs.id, motifIds), isNull(motifs.archivedAt)),
      );
    if (known.length !== motifIds.length) throw AppError.field('motifIds', 'invalid_choice');
  }
  return {
    values: {
      practitionerId: input.practitionerId,
      locationId: input.locationId,
      title: input.title ?? null,
      firstDay: input.firstDay,
      startMinute,
      endMinute,
      ...recurrence,
    },
    motifIds,
  };
}

async function saveMotifs(ctx: Ctx, rangeId: string, motifIds: string[]) {
  await ctx.db.delete(openingRangeMotifs).where(eq(openingRangeMotifs.openingRangeId, rangeId));
  if (motifIds.length > 0) {
    await ctx.db
      .insert(openingRangeMotifs)
      .values(motifIds.map((motifId) => ({ practiceId: ctx.practiceId, openingRangeId: rangeId, motifId })));
  }
}

export async function createOpeningRange(ctx: Ctx, input: Input): Promise<OpeningRange> {
  const created = await withTransaction(ctx, async (tx) => {
    const { values, motifIds } = await validate(tx, input);
    const [row] = await tx.db
      .insert(openingRanges)
      .values({ ...values, practiceId: tx.practiceId, createdAt: tx.now })
      .returning();
    if (!row) throw new AppError('INTERNAL');
    await saveMotifs(tx, row.id, motifIds);
    await recordAudit(tx, {
      action: 'settings.opening_range.create',
      entity: 'opening_range',
      entityId: row.id,
    });
    return toOpeningRange(row, motifIds);
  });
  ctx.deps.live.publish({ practiceId: ctx.practiceId, practitionerIds: [created.practitionerId] });
  return created;
}

export async function updateOpeningRange(ctx: Ctx, id: string, input: Input): Promise<OpeningRange> {
  const updated = await withTransaction(ctx, async (tx) => {
    await findRange(tx, id);
    const { values, motifIds } = await validate(tx, input);
    const [row] = await tx.db.update(openingRanges).set(values).where(eq(openingRanges.id, id)).returning();
    if (!row) throw AppError.notFound();
    await saveMotifs(tx, id, motifIds);
    await recordAudit(tx, {
      action: 'settings.opening_range.update',
      entity: 'opening_range',
      entityId: id,
    });
    return toOpeningRange(row, motifIds);
  });
  ctx.deps.live.publish({ practiceId: ctx.practiceId, practitionerIds: [updated.practitionerId] });
  return updated;
}

/** Removes a range; appointments already booked in it stay. */
export async function deleteOpeningRange(ctx: Ctx, id: string): Promise<void> {
  const practitionerId = await withTransaction(ctx, async (tx) => {
    const range = await findRange(tx, id);
    await tx.db.update(openingRanges).set({ archivedAt: tx.now }).where(eq(openingRanges.id, id));
    await recordAudit(tx, {
      action: 'settings.opening_range.delete',
      entity: 'opening_range',
      entityId: id,
    });
    return range.practitionerId;
  });
  ctx.deps.live.publish({ practiceId: ctx.practiceId, practitionerIds: [practitionerId] });
}

async function findRange(ctx: Ctx, id: string): Promise<RangeRow> {
  const [range] = await ctx.db
    .select()
    .from(openingRanges)
    .where(
      and(
        eq(openingRanges.id, id),
        eq(openingRanges.practiceId, ctx.practiceId),
        isNull(openingRanges.archivedAt),
      ),
    );
  if (!range) throw AppError.notFound();
  await resolvePractitioners(ctx, [range.practitionerId]);
  assertCanManageAgenda(ctx, range.practitionerId);
  return range;
}
