import { and, desc, eq, isNotNull, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { OutboxListedChannel, OutboxMessage } from '../../../contracts/outbox';
import type { Ctx } from '../../context';
import { type OutboxStatus, outbox } from '../../db/schema';
import { decodeCursor, encodeCursor } from '../cursor';

/**
 * The practice's outgoing messages, newest first (console "Outbox"). A message holding a secret (a
 * code, a link) shows its text only while it is held for lack of a provider: that is how the demo's
 * SMS codes are read, and with a real provider nobody at the practice can read a patient's code.
 * A message the patient's app took by Web Push is listed (and filtered) as `push`, not under the SMS or
 * email it would otherwise have gone by.
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
  if (query.cursor) {
    const after = decodeCursor(query.cursor);
    const older = or(
      lt(outbox.createdAt, after.at),
      and(eq(outbox.createdAt, after.at), lt(outbox.id, after.id)),
    );
    if (older) filters.push(older);
  }
  const rows = await ctx.db
    .select()
    .from(outbox)
    .where(and(...filters))
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      id: row.id,
      channel: row.pushedAt ? 'push' : row.channel,
      recipient: row.recipient,
      kind: row.kind,
      subject: row.subject,
      body: row.sensitive && row.status !== 'held' ? null : row.body,
      status: row.status,
      attempts: row.attempts,
      lastError: row.lastError,
      createdAt: row.createdAt.toISOString(),
      sentAt: row.sentAt?.toISOString() ?? null,
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}
