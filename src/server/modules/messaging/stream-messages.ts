import type { ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { MessageEvent, ThreadReadEvent } from '../../../contracts/messaging';
import type { Ctx } from '../../context';
import type { LiveNotice } from '../../live/live-bus';
import { isModuleOn } from '../app-modules/app-modules';
import { resolvePatientSession, sessionCookies } from '../auth/sessions';
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
 * An event stream of the practice's message notices. `allowed` is asked again before every event and at
 * every heartbeat: when it says no (signed out, expired, locked, held at the two-step enrolment, module switched off), the stream ends. `filter`
 * keeps the notices the caller may see.
 */
async function openNoticeStream(
  ctx: Ctx,
  request: FastifyRequest,
  reply: FastifyReply,
  open: Set<ServerResponse>,
  rules: { allowed: () => Promise<boolean>; filter: (notice: LiveNotice) => Promise<boolean> },
): Promise<void> {
  reply.hijack();
  const out = reply.raw;
  out.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  out.write('retry: 3000\n\n');
  open.add(out);

  let closed = false;
  const stillAllowed = async () => {
    const allowed = await rules.allowed().catch(() => false);
    if (!allowed && !closed) {
      closed = true;
      out.end();
    }
    return allowed;
  };

  let queue = Promise.resolve();
  const unsubscribe = ctx.deps.live.subscribeNotices(ctx.practiceId, (notice) => {
    queue = queue
      .then(async () => {
        if (closed || !(await stillAllowed()) || !(await rules.filter(notice)) || closed) return;
        const { event, data } = toEvent(notice);
        out.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      })
      .catch(() => undefined);
  });
  const heartbeat = setInterval(() => {
    void stillAllowed().then((allowed) => {
      if (allowed && !closed) out.write(': keep-alive\n\n');
    });
  }, heartbeatMs);
  request.raw.on('close', () => {
    closed = true;
    clearInterval(heartbeat);
    unsubscribe();
    open.delete(out);
  });
}

/**
 * The console's stream of messages (MSG-3, NOT-4): every new message and read state of the practice's
 * threads, so the inbox and the badge update and the browser can raise a notification for patient
 * messages. Ids only; the console reads the rest through the audited routes.
 */
export function streamStaffMessages(
  ctx: Ctx,
  request: FastifyRequest,
  reply: FastifyReply,
  open: Set<ServerResponse>,
): Promise<void> {
  const token = request.cookies[sessionCookies.staff] ?? '';
  return openNoticeStream(ctx, request, reply, open, {
    allowed: () => staffStreamAllowed(ctx.deps, token),
    filter: async () => true,
  });
}

/**
 * The app's stream of messages (MSG-1): new messages and read states of the family's threads only. The
 * family and the module switch are read afresh at every event, so a file leaving the family or the module
 * switched off takes effect at once.
 */
export function streamPatientMessages(
  ctx: Ctx,
  request: FastifyRequest,
  reply: FastifyReply,
  open: Set<ServerResponse>,
): Promise<void> {
  const token = request.cookies[sessionCookies.patient] ?? '';
  return openNoticeStream(ctx, request, reply, open, {
    allowed: async () => {
      const state = await resolvePatientSession(ctx.deps, token);
      return (
        state.kind !== 'none' &&
        !state.optedOut &&
        (await isModuleOn(ctx.deps.db, ctx.practiceId, 'messaging'))
      );
    },
    filter: async (notice) => (await appFamily(ctx)).some((member) => member.id === notice.patientId),
  });
}
