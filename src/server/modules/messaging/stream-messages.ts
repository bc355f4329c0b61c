import type { MessageEvent, ThreadReadEvent } from '../../../contracts/messaging';
import type { Ctx } from '../../context';
import { keepAlive, type ServerSentEvent } from '../../http/sse';
import type { LiveNotice } from '../../live/live-bus';
import { heartbeat, liveFeed } from '../../live/live-feed';
import { isModuleOn } from '../app-modules/app-modules';
import { resolvePatientSession } from '../auth/sessions';
import { staffStreamAllowed } from '../auth/staff-stream-session';
import { appFamily } from '../patient-app/app-family';

const heartbeatMs = 25_000;

type Outgoing = { event: 'message'; data: MessageEvent } | { event: 'read'; data: ThreadReadEvent };

function toEvent(notice: LiveNotice): Outgoing {
  if (notice.kind === 'message') {
    const { threadId, patientId, messageId, authorKind } = notice;
    return { event: 'message', data: { threadId, patientId, messageId, authorKind } };
  }
  const { threadId, patientId, by } = notice;
  return { event: 'read', data: { threadId, patientId, by } };
}

/**
 * The practice's message notices as events. `allowed` is asked again before every event and at every
 * heartbeat: when it says no (signed out, expired, locked, held at the two-step enrolment, module
 * switched off) or fails, the stream ends. `filter` keeps the notices the caller may see; a notice it
 * cannot decide on is skipped.
 */
async function* noticeEvents(
  ctx: Ctx,
  signal: AbortSignal,
  rules: { allowed: () => Promise<boolean>; filter: (notice: LiveNotice) => Promise<boolean> },
): AsyncGenerator<ServerSentEvent> {
  const feed = liveFeed<LiveNotice>((push) => ctx.deps.live.subscribeNotices(ctx.practiceId, push), {
    heartbeatMs,
    signal,
  });
  for await (const notice of feed) {
    if (!(await rules.allowed().catch(() => false))) return;
    if (notice === heartbeat) {
      yield keepAlive;
      continue;
    }
    if (await rules.filter(notice).catch(() => false)) yield toEvent(notice);
  }
}

/**
 * The console's stream of messages (MSG-3, NOT-4): every new message and read state of the practice's
 * threads, so the inbox and the badge update and the browser can raise a notification for patient
 * messages. Ids only; the console reads the rest through the audited routes. `sessionToken`: the staff
 * cookie, checked at every event and heartbeat.
 */
export function streamStaffMessages(
  ctx: Ctx,
  sessionToken: string,
  signal: AbortSignal,
): AsyncGenerator<ServerSentEvent> {
  return noticeEvents(ctx, signal, {
    allowed: () => staffStreamAllowed(ctx.deps, sessionToken),
    filter: async () => true,
  });
}

/**
 * The app's stream of messages (MSG-1): new messages and read states of the family's threads only. The
 * session (`sessionToken`, the patient cookie), the family and the module switch are read afresh at every
 * event, so a file leaving the family or the module switched off takes effect at once.
 */
export function streamPatientMessages(
  ctx: Ctx,
  sessionToken: string,
  signal: AbortSignal,
): AsyncGenerator<ServerSentEvent> {
  return noticeEvents(ctx, signal, {
    allowed: async () => {
      const state = await resolvePatientSession(ctx.deps, sessionToken);
      return (
        state.kind !== 'none' &&
        !state.optedOut &&
        (await isModuleOn(ctx.deps.db, ctx.practiceId, 'messaging'))
      );
    },
    filter: async (notice) => (await appFamily(ctx)).some((member) => member.id === notice.patientId),
  });
}
