import { and, asc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Location, locationBody } from '../../../contracts/settings';
import { normalisePhone } from '../../../domain/phone';
import { type Ctx, withTransaction } from '../../context';
import { locations } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { findPracticeById } from '../practice/find-practice';

type LocationRow = typeof locations.$inferSelect;

const toLocation = (row: LocationRow): Location => ({
  id: row.id,
  name: row.name,
  addressLine: row.addressLine,
  postalCode: row.postalCode,
  city: row.city,
  phone: row.phone,
  mapUrl: row.mapUrl,
});

/** The practice's sites (SET-2), archived ones left out. */
export async function listLocations(ctx: Ctx): Promise<Location[]> {
  const rows = await ctx.db
    .select()
    .from(locations)
    .where(and(eq(locations.practiceId, ctx.practiceId), isNull(locations.archivedAt)))
    .orderBy(asc(locations.name));
  return rows.map(toLocation);
}

async function phoneOf(ctx: Ctx, phone: string | null | undefined): Promise<string | null | undefined> {
  if (phone === undefined || phone === null) return phone;
  const practice = await findPracticeById(ctx.db, ctx.practiceId);
  const normalised = normalisePhone(phone, practice.country);
  if (!normalised) throw AppError.field('phone', 'phone');
  return normalised;
}

export async function createLocation(ctx: Ctx, input: z.infer<typeof locationBody>): Promise<Location> {
  const phone = await phoneOf(ctx, input.phone);
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(locations)
      .values({
        ...input,
        phone: phone ?? null,
        mapUrl: input.mapUrl ?? null,
        practiceId: tx.practiceId,
        createdAt: tx.now,
      })
      .returning();
    if (!row) throw new AppError('INTERNAL');
    await recordAudit(tx, { action: 'settings.location.create', entity: 'location', entityId: row.id });
    return toLocation(row);
  });
}

export async function updateLocation(
  ctx: Ctx,
  id: string,
  input: Partial<z.infer<typeof locationBody>>,
): Promise<Location> {
  const phone = await phoneOf(ctx, input.phone);
  const changes = { ...input, ...(phone !== undefined ? { phone } : {}) };
  if (Object.keys(changes).length === 0) {
    const current = (await listLocations(ctx)).find((location) => location.id === id);
    if (!current) throw AppError.notFound();
    return current;
  }
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .update(locations)
      .set(changes)
      .where(and(eq(locations.id, id), eq(locations.practiceId, tx.practiceId), isNull(locations.archivedAt)))
      .returning();
    if (!row) throw AppError.notFound();
    await recordAudit(tx, { action: 'settings.location.update', entity: 'location', entityId: id });
    return toLocation(row);
  });
}

/** Archives a site: past appointments keep it, new ones cannot use it. */
export async function archiveLocation(ctx: Ctx, id: string): Promise<void> {
  await withTransaction(ctx, async (tx) => {
    const rows = await tx.db
      .update(locations)
      .set({ archivedAt: tx.now })
      .where(and(eq(locations.id, id), eq(locations.practiceId, tx.practiceId), isNull(locations.archivedAt)))
      .returning({ id: locations.id });
    if (rows.length === 0) throw AppError.notFound();
    await recordAudit(tx, { action: 'settings.location.archive', entity: 'location', entityId: id });
  });
}
