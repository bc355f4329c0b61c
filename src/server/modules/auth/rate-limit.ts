import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rateLimits } from '../../db/schema';
import { AppError } from '../../errors';

/** A fixed-window limit: at most `max` hits per `windowMs`. Counters live in the database, so every
 * server instance shares them.
 * @public
 */
export interface RateLimit {
  max: number;
  windowMs: number;
}

/** @public */
export const limits = {
  /** Failures from one client on one account: that client waits out the window. */
  staffLoginPerAccountAndIp: { max: 5, windowMs: 15 * 60_000 },
  /** Failures on one account from every client: a short window, so a stranger guessing from many
   * addresses slows the account down to a few tries a minute without locking its owner out for long. */
  staffLoginPerAccount: { max: 10, windowMs: 60_000 },
  staffLoginPerIp: { max: 30, windowMs: 15 * 60_000 },
  codeSendsPerPhone: { max: 5, windowMs: 60 * 60_000 },
  codeSendsPerIp: { max: 30, windowMs: 60 * 60_000 },
  identityMissesPerIp: { max: 20, windowMs: 60 * 60_000 },
} as const satisfies Record<string, RateLimit>;

export function windowStart(limit: RateLimit, now: Date): Date {
  return new Date(Math.floor(now.getTime() / limit.windowMs) * limit.windowMs);
}

/** Seconds from `now` to the end of the window holding `now` (at least 1). */
export function secondsLeftInWindow(limit: RateLimit, now: Date): number {
  const end = windowStart(limit, now).getTime() + limit.windowMs;
  return Math.max(1, Math.ceil((end - now.getTime()) / 1000));
}

/** @public */
export interface Counted {
  key: string;
  limit: RateLimit;
}

export type TokenResult =
  | { allowed: true; remaining: number }
  | { allowed: false; remaining: 0; retryAfterSeconds: number };

/**
 * Checks and counts one hit in a single statement: the counter row of the current window is created
 * at 1 or raised by 1 only while it is below the limit, so requests sent in parallel cannot all pass
 * a check made before the count (the row lock of `ON CONFLICT DO UPDATE` orders them).
 * @public
 */
export async function takeToken(db: Db, key: string, limit: RateLimit, now: Date): Promise<TokenResult> {
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart: windowStart(limit, now), count: 1 })
    .onConflictDoUpdate({
      target: [rateLimits.key, rateLimits.windowStart],
      set: { count: sql`${rateLimits.count} + 1` },
      setWhere: sql`${rateLimits.count} < ${limit.max}`,
    })
    .returning({ count: rateLimits.count });
  if (!row) return { allowed: false, remaining: 0, retryAfterSeconds: secondsLeftInWindow(limit, now) };
  return { allowed: true, remaining: Math.max(0, limit.max - row.count) };
}

/**
 * Gives back a hit taken by `takeToken` (the attempt turned out not to count, or another limit refused).
 * @public
 */
export async function returnToken(db: Db, key: string, limit: RateLimit, now: Date): Promise<void> {
  await db
    .update(rateLimits)
    .set({ count: sql`greatest(${rateLimits.count} - 1, 0)` })
    .where(and(eq(rateLimits.key, key), eq(rateLimits.windowStart, windowStart(limit, now))));
}

/**
 * Takes one hit on every limit, or none: when one refuses, the hits already taken are given back and
 * TOO_MANY_ATTEMPTS is thrown with the wait of the refusing limit.
 * @public
 */
export async function takeTokensOrThrow(db: Db, counted: Counted[], now: Date): Promise<void> {
  const taken: Counted[] = [];
  for (const item of counted) {
    const result = await takeToken(db, item.key, item.limit, now);
    if (!result.allowed) {
      for (const done of taken) await returnToken(db, done.key, done.limit, now);
      throw AppError.tooManyAttempts(result.retryAfterSeconds);
    }
    taken.push(item);
  }
}

/** Seconds until the limit frees up, or 0 when another hit is allowed. A read only: use it to refuse
 * early, never as the check that lets a request through (that is `takeToken`).
 * @public
 */
export async function secondsUntilAllowed(db: Db, key: string, limit: RateLimit, now: Date): Promise<number> {
  const [row] = await db
    .select({ count: rateLimits.count })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, key), eq(rateLimits.windowStart, windowStart(limit, now))));
  if (!row || row.count < limit.max) return 0;
  return secondsLeftInWindow(limit, now);
}
