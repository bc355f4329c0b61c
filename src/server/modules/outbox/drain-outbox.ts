import { eq, sql } from 'drizzle-orm';
import type { AppDeps } from '../../context';
import { outbox } from '../../db/schema';
import { pushToPhones } from '../push/send-push';

export const outboxRules = {
  maxAttempts: 6,
  /** A message claimed by a server that died is claimable again after this. */
  claimMs: 2 * 60_000,
  /** First retry after 30 s, then doubling: 30 s, 1 min, 2 min, 4 min, 8 min. */
  baseBackoffMs: 30_000,
} as const;

type OutboxRow = typeof outbox.$inferSelect;

/**
 * Sends what is due in the outbox: rows whose `nextAttemptAt` has come (a notice held back for the
 * night is not due before the morning). Rows are claimed with `FOR UPDATE SKIP LOCKED`, so several
 * server instances drain one table without sending a message twice. A row with a push form goes by Web
 * Push when a device takes it, otherwise by its SMS or email. Returns how many rows were handled.
 * @public
 */
export async function drainOutbox(deps: AppDeps, batchSize = 20): Promise<number> {
  const now = deps.clock.now();
  const claimed = await claimDue(deps, now, batchSize);
  for (const message of claimed) {
    await deliver(deps, message);
  }
  return claimed.length;
}

async function claimDue(deps: AppDeps, now: Date, batchSize: number): Promise<OutboxRow[]> {
  const lockedUntil = new Date(now.getTime() + outboxRules.claimMs);
  return deps.db.transaction(async (tx) => {
    const due = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(
        sql`(${outbox.status} = 'pending' and ${outbox.nextAttemptAt} <= ${now})
          or (${outbox.status} = 'sending' and ${outbox.lockedUntil} < ${now})`,
      )
      .orderBy(outbox.nextAttemptAt)
      .limit(batchSize)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(outbox)
      .set({ status: 'sending', lockedUntil, attempts: sql`${outbox.attempts} + 1` })
      .where(
        sql`${outbox.id} in (${sql.join(
          due.map((row) => sql`${row.id}`),
          sql`, `,
        )})`,
      )
      .returning();
  });
}

async function deliver(deps: AppDeps, message: OutboxRow): Promise<void> {
  if (message.push) {
    const pushed = await pushToPhones(deps, message.practiceId, message.push).catch(() => null);
    if (pushed && pushed.delivered > 0) {
      const now = deps.clock.now();
      await deps.db
        .update(outbox)
        .set({
          status: 'sent',
          sentAt: now,
          pushedAt: now,
          lockedUntil: null,
          lastError: null,
          providerMessageId: `web-push:${pushed.delivered}`,
        })
        .where(eq(outbox.id, message.id));
      return;
    }
    // no device took it (none subscribed, gone, or the push service failed): the SMS or email follows
  }
  const send = sender(deps, message);
  if (!send) {
    await deps.db
      .update(outbox)
      .set({ status: 'held', lockedUntil: null, lastError: null })
      .where(eq(outbox.id, message.id));
    return;
  }
  try {
    const result = await send();
    await deps.db
      .update(outbox)
      .set({
        status: 'sent',
        sentAt: deps.clock.now(),
        lockedUntil: null,
        lastError: null,
        providerMessageId: result.messageId,
      })
      .where(eq(outbox.id, message.id));
  } catch (error) {
    const exhausted = message.attempts >= outboxRules.maxAttempts;
    const backoff = outboxRules.baseBackoffMs * 2 ** Math.max(0, message.attempts - 1);
    await deps.db
      .update(outbox)
      .set({
        status: exhausted ? 'failed' : 'pending',
        lockedUntil: null,
        lastError: error instanceof Error ? error.message.slice(0, 500) : 'send failed',
        nextAttemptAt: new Date(deps.clock.now().getTime() + backoff),
      })
      .where(eq(outbox.id, message.id));
  }
}

/** The send call for the message's channel, or null when that channel has no provider. */
function sender(deps: AppDeps, message: OutboxRow): (() => Promise<{ messageId: string }>) | null {
  if (message.channel === 'email') {
    const email = deps.transports.email;
    return email
      ? () =>
          email.send({
            to: message.recipient,
            subject: message.subject ?? '',
            text: message.body,
            html: message.html,
            attachments: message.attachments,
          })
      : null;
  }
  const sms = deps.transports.sms;
  return sms ? () => sms.send({ to: message.recipient, text: message.body }) : null;
}
