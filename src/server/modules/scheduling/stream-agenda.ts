import type { Ctx } from '../../context';
import { keepAlive, type ServerSentEvent } from '../../http/sse';
import type { AgendaChange } from '../../live/live-bus';
import { heartbeat, liveFeed } from '../../live/live-feed';
import { staffStreamAllowed } from '../auth/staff-stream-session';
import { visiblePractitionerIds } from './visibility';

const heartbeatMs = 25_000;

/**
 * The agenda's live events: `change` with the practitioners concerned, each time a colleague (or a
 * patient, online) changes an agenda the caller may see. The session (`sessionToken`, the staff cookie)
 * is checked again at every event and every heartbeat (25 s): a member signed out, expired, removed,
 * locked or held at the two-step enrolment stops hearing at once, and agenda grants are read afresh each
 * time. Events carry ids only, never patient data. The route sends them (`sendServerSentEvents`).
 */
export async function* streamAgendaChanges(
  ctx: Ctx,
  sessionToken: string,
  signal: AbortSignal,
): AsyncGenerator<ServerSentEvent> {
  const feed = liveFeed<AgendaChange>((push) => ctx.deps.live.subscribe(ctx.practiceId, push), {
    heartbeatMs,
    signal,
  });
  for await (const change of feed) {
    if (!(await staffStreamAllowed(ctx.deps, sessionToken))) return;
    if (change === heartbeat) {
      yield keepAlive;
      continue;
    }
    const visible = new Set(await visiblePractitionerIds(ctx));
    const concerned = change.practitionerIds.filter((id) => visible.has(id));
    if (concerned.length > 0) {
      yield {
        event: 'change',
        data: { practitionerIds: concerned, appointmentId: change.appointmentId ?? null },
      };
    }
  }
}
