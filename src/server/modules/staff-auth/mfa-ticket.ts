import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { staffMfaTickets } from '../../db/schema';
import { hashToken, newToken } from '../auth/tokens';

export const mfaTicketCookie = 'sourire_staff_mfa';
export const mfaTicketLifetimeMs = 5 * 60_000;
/** Code attempts allowed on one ticket; the table's CHECK holds the same bound. */
export const mfaAttemptsPerTicket = 5;

/** After a right password on an account with two-factor sign-in: a ticket for the code, no session. */
export async function createMfaTicket(
  db: Db,
  staffId: string,
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + mfaTicketLifetimeMs);
  await db.insert(staffMfaTickets).values({ id: hashToken(token), staffId, expiresAt, createdAt: now });
  return { token, expiresAt };
}

/**
 * Takes one code attempt on a live ticket, in one statement (parallel guesses cannot pass the count).
 * Returns its staff member and the attempts left, or null when the ticket is unknown, used, expired or
 * out of attempts.
 */
export async function takeMfaAttempt(
  db: Db,
  token: string,
  now: Date,
): Promise<{ staffId: string; attemptsLeft: number } | null> {
  const [row] = await db
    .update(staffMfaTickets)
    .set({ attempts: sql`${staffMfaTickets.attempts} + 1` })
    .where(
      and(
        eq(staffMfaTickets.id, hashToken(token)),
        isNull(staffMfaTickets.usedAt),
        gt(staffMfaTickets.expiresAt, now),
        lt(staffMfaTickets.attempts, mfaAttemptsPerTicket),
      ),
    )
    .returning({ staffId: staffMfaTickets.staffId, attempts: staffMfaTickets.attempts });
  if (!row) return null;
  return { staffId: row.staffId, attemptsLeft: mfaAttemptsPerTicket - row.attempts };
}

/** Spends the ticket; false when another request spent it first. */
export async function spendMfaTicket(db: Db, token: string, now: Date): Promise<boolean> {
  const used = await db
    .update(staffMfaTickets)
    .set({ usedAt: now })
    .where(and(eq(staffMfaTickets.id, hashToken(token)), isNull(staffMfaTickets.usedAt)))
    .returning({ id: staffMfaTickets.id });
  return used.length > 0;
}
