import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rateLimits } from '../../db/schema';

/** A fixed-window limit: at most `max` hits per `windowMs`. Counters live in the database, so every
 * server instance shares them. */
export interface RateLimit {
  max: number;
  windowMs: number;
}

export const limits = {
  staffLoginPerAccount: { max: 5, windowMs: 15 * 60_000 },
  staffLoginPerIp: { max: 30, windowMs: 15 * 60_000 },
  codeSendsPerPhone: { max: 5, windowMs: 60 * 60_000 },
  codeSendsPerIp: { max: 30, windowMs: 60 * 60_000 },
  identityMissesPerIp: { max: 20, windowMs: 60 * 60_000 },
} as const satisfies Record<string, RateLimit>;

function windowStart(limit: RateLimit, now: Date): Date {
  return new Date(Math.floor(now.getTime() / limit.windowMs) * limit.windowMs);
}

/** Seconds until the limit frees up, or 0 when another hit is allowed. */
export async function secondsUntilAllowed(db: Db, key: string, limit: RateLimit, now: Date): Promise<number> {
  const start = windowStart(limit, now);
  const [row] = await db
    .select({ count: rateLimits.count })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, key), eq(rateLimits.windowStart, start)));
  if (!row || row.count < limit.max) return 0;
  return Math.ceil((start.getTime() + limit.windowMs - now.getTime()) / 1000);
}

/** Counts one hit. */
export async function hit(db: Db, key: string, limit: RateLimit, now: Date): Promise<number> {
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart: windowStart(limit, now), count: 1 })
    .onConflictDoUpdate({
      target: [rateLimits.key, rateLimits.windowStart],
      set: { count: sql`${rateLimits.count} + 1` },
    })
    .returning({ count: rateLimits.count });
  return row?.count ?? 1;
}
