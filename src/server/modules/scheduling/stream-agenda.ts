import type { ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Ctx } from '../../context';
import { sessionCookies } from '../auth/sessions';
import { staffStreamAllowed } from '../auth/staff-stream-session';
import { visiblePractitionerIds } from './visibility';

const heartbeatMs = 25_000;

/**
 * Server-sent events for the agenda: `event: change` with the practitioners concerned, each time a
 * colleague (or a patient, online) changes an agenda the caller may see. The session is checked again at
 * every event and every heartbeat (25 s): a member signed out, expired, removed, locked or held at the two-step enrolment stops hearing at once,
 * and agenda grants are read afresh each time. Events carry ids only, never patient data.
 */
export async function streamAgendaChanges(
  ctx: Ctx,
  request: FastifyRequest,
  reply: FastifyReply,
  open: Set<ServerResponse>,
): Promise<void> {
  const token = request.cookies[sessionCookies.staff] ?? '';
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
    const allowed = await staffStreamAllowed(ctx.deps, token);
    if (!allowed && !closed) {
      closed = true;
      out.end();
    }
    return allowed;
  };

  let queue = Promise.resolve();
  const unsubscribe = ctx.deps.live.subscribe(ctx.practiceId, (change) => {
    queue = queue.then(async () => {
      if (closed || !(await stillAllowed())) return;
      const visible = new Set(await visiblePractitionerIds(ctx));
      const concerned = change.practitionerIds.filter((id) => visible.has(id));
      if (concerned.length === 0 || closed) return;
      out.write(
        `event: change\ndata: ${JSON.stringify({ practitionerIds: concerned, appointmentId: change.appointmentId ?? null })}\n\n`,
      );
    });
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
