import { createHash } from 'node:crypto';
import { and, desc, eq, isNotNull, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { OutboxListedChannel, OutboxMessage } from '../../../contracts/outbox';
import { type Ctx, withTransaction } from '../../context';
import { type OutboxStatus, outbox } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { takeToken } from '../auth/rate-limit';
import { keysetCursor } from '../cursor';
import { findPracticeById } from '../practice/find-practice';
import { maskSecrets, outboxShowsCodes } from './outbox-codes';

type OutboxRow = typeof outbox.$inferSelect;

/**
 * The console re-reads the outbox every 5 s: the same person reading the same page again within these ten
 * minutes is the same reading, recorded once (fixed windows, one atomic count); anything new on the page,
 * another filter or another person is recorded at once.
 */
const sameReading = { max: 1, windowMs: 10 * 60_000 };

/**
 * The practice's outgoing messages, newest first (console "Outbox"); the read is audited. A message
 * holding a secret (a code, a link) shows its text only while it is held for lack of a provider, and
 * then its one-time codes only in demo mode (`outboxShowsCodes`): elsewhere they read "code hidden", so
 * nobody at the practice can sign in or sign as a patient. Masking happens here, on read: the stored
 * text, which the transports send, is untouched. A message the patient's app took by Web Push is listed
 * (and filtered) as `push`, not under the SMS or email it would otherwise have gone by.
 */
export async function listOutbox(
  ctx: Ctx,
  query: {
    limit: number;
    cursor?: string | undefined;
    channel?: OutboxListedChannel | undefined;
    status?: OutboxStatus | undefined;
  },
): Promise<{ items: OutboxMessage[]; nextCursor: string | null }> {
  const filters: SQL[] = [eq(outbox.practiceId, ctx.practiceId)];
  if (query.channel === 'push') filters.push(isNotNull(outbox.pushedAt));
  else if (query.channel) filters.push(eq(outbox.channel, query.channel), isNull(outbox.pushedAt));
  if (query.status) filters.push(eq(outbox.status, query.status));
  const after = keysetCursor.decode(query.cursor);
  if (after) {
    const older = or(
      lt(outbox.createdAt, after.at),
      and(eq(outbox.createdAt, after.at), lt(outbox.id, after.id)),
    );
    if (older) filters.push(older);
  }
  const practice = await findPracticeById(ctx.db, ctx.practiceId);
  const showCodes = outboxShowsCodes(ctx.deps.config, practice.slug);
  return withTransaction(ctx, async (tx) => {
    const rows = await tx.db
      .select()
      .from(outbox)
      .where(and(...filters))
      .orderBy(desc(outbox.createdAt), desc(outbox.id))
      .limit(query.limit + 1);
    const page = rows.slice(0, query.limit);
    const bodyOf = (row: OutboxRow): string | null => {
      if (!row.sensitive) return row.body;
      if (row.status !== 'held') return null;
      return showCodes ? row.body : maskSecrets(row.body, tx.lang);
    };
    const actorId = tx.actor.kind === 'staff' ? tx.actor.staffId : 'anonymous';
    const reading = createHash('sha256')
      .update(
        JSON.stringify([query.channel ?? null, query.status ?? null, showCodes, page.map((row) => row.id)]),
      )
      .digest('base64url');
    if (
      page.length > 0 &&
      (await takeToken(tx.db, `audit:outbox:${actorId}:${reading}`, sameReading, tx.now)).allowed
    ) {
      await recordAudit(tx, {
        action: 'outbox.list',
        entity: 'outbox',
        details: {
          channel: query.channel ?? null,
          status: query.status ?? null,
          messageIds: page.map((row) => row.id),
          patientIds: [...new Set(page.flatMap((row) => (row.patientId ? [row.patientId] : [])))],
          codesShown: showCodes,
        },
      });
    }
    return {
      items: page.map((row) => ({
        id: row.id,
        channel: row.pushedAt ? 'push' : row.channel,
        recipient: row.recipient,
        kind: row.kind,
        subject: row.subject,
        body: bodyOf(row),
        status: row.status,
        attempts: row.attempts,
        lastError: row.lastError,
        createdAt: row.createdAt.toISOString(),
        sentAt: row.sentAt?.toISOString() ?? null,
      })),
      nextCursor: keysetCursor.next(rows, query.limit, (last) => ({ at: last.createdAt, id: last.id })),
    };
  });
}
