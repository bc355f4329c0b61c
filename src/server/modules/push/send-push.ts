import { and, eq, gt, inArray, isNull, lt, or } from 'drizzle-orm';
import webpush from 'web-push';
import type { AppDeps } from '../../context';
import { type OutboxPush, pushSubscriptions, sessions } from '../../db/schema';

/** How long a push service keeps a notice for a phone that is off: a day, then the notice is stale. */
const timeToLiveSeconds = 24 * 3600;

export interface PushOutcome {
  /** devices whose push service accepted the notice */
  delivered: number;
  /** subscriptions the push service no longer knows (404, 410): deleted */
  gone: number;
  /** other failures, for the outbox's last error */
  errors: string[];
}

/**
 * Sends a notice by Web Push to every device of `push.phones` that allowed notifications and is still
 * signed in (live session) in the practice. The payload is encrypted for each browser (RFC 8291,
 * aes128gcm) and signed with the server's VAPID key; it holds only a title, a sentence without health
 * content, and a path of the app. A subscription answered 404 or 410 is deleted. Never throws for a
 * device: the caller falls back to SMS or email when nothing was delivered.
 * @public
 */
export async function pushToPhones(
  deps: AppDeps,
  practiceId: string,
  push: OutboxPush,
): Promise<PushOutcome> {
  const outcome: PushOutcome = { delivered: 0, gone: 0, errors: [] };
  if (push.phones.length === 0) return outcome;
  const now = deps.clock.now();
  const targets = await deps.db
    .select({
      id: pushSubscriptions.id,
      endpoint: pushSubscriptions.endpoint,
      p256dh: pushSubscriptions.p256dh,
      auth: pushSubscriptions.auth,
    })
    .from(pushSubscriptions)
    .innerJoin(sessions, eq(sessions.id, pushSubscriptions.sessionId))
    .where(
      and(
        eq(pushSubscriptions.practiceId, practiceId),
        inArray(pushSubscriptions.phone, push.phones),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
      ),
    );
  const payload = JSON.stringify({ title: push.title, body: push.body, url: push.url, tag: push.tag });
  const delivered: string[] = [];
  const gone: string[] = [];
  for (const target of targets) {
    const status = await sendOne(deps, target, payload).catch((error: unknown) =>
      error instanceof Error ? error.message : 'push failed',
    );
    if (status === 201 || status === 200 || status === 202) delivered.push(target.id);
    else if (status === 404 || status === 410) gone.push(target.id);
    else outcome.errors.push(typeof status === 'number' ? `push service answered ${status}` : status);
  }
  // one statement each, whatever the number of devices
  if (delivered.length > 0)
    await deps.db
      .update(pushSubscriptions)
      .set({ lastSuccessAt: deps.clock.now() })
      .where(inArray(pushSubscriptions.id, delivered));
  if (gone.length > 0) await deps.db.delete(pushSubscriptions).where(inArray(pushSubscriptions.id, gone));
  outcome.delivered = delivered.length;
  outcome.gone = gone.length;
  return outcome;
}

async function sendOne(
  deps: AppDeps,
  target: { endpoint: string; p256dh: string; auth: string },
  payload: string,
): Promise<number> {
  const request = webpush.generateRequestDetails(
    { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
    payload,
    {
      vapidDetails: deps.config.push,
      TTL: timeToLiveSeconds,
      contentEncoding: 'aes128gcm',
      urgency: 'normal',
    },
  );
  const response = await fetch(request.endpoint, {
    method: 'POST',
    headers: request.headers,
    body: new Uint8Array(request.body),
    signal: AbortSignal.timeout(10_000),
  });
  await response.arrayBuffer().catch(() => undefined);
  return response.status;
}

/**
 * Housekeeping: subscriptions whose session ended (signed out, revoked, expired) more than a day ago
 * are never used again; delete them.
 * @public
 */
export async function forgetDeadPushSubscriptions(deps: AppDeps): Promise<void> {
  const dayAgo = new Date(deps.clock.now().getTime() - 86_400_000);
  const dead = deps.db
    .select({ id: sessions.id })
    .from(sessions)
    .where(or(lt(sessions.revokedAt, dayAgo), lt(sessions.expiresAt, dayAgo)));
  await deps.db.delete(pushSubscriptions).where(inArray(pushSubscriptions.sessionId, dead));
}
