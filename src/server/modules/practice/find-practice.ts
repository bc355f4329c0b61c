import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { practices } from '../../db/schema';
import { AppError } from '../../errors';

/** @public */
export type Practice = typeof practices.$inferSelect;

/** @public */
export async function findPracticeBySlug(db: Db, slug: string): Promise<Practice> {
  const [practice] = await db.select().from(practices).where(eq(practices.slug, slug));
  if (!practice) throw AppError.notFound();
  return practice;
}

/** @public */
export async function findPracticeById(db: Db, id: string): Promise<Practice> {
  const [practice] = await db.select().from(practices).where(eq(practices.id, id));
  if (!practice) throw AppError.notFound();
  return practice;
}
