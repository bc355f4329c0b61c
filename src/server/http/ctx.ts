import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Ctx } from '../context';
import type { StaffRole } from '../db/schema';
import { AppError } from '../errors';

function base(request: FastifyRequest) {
  const deps = request.server.deps;
  return {
    deps,
    db: deps.db,
    requestId: request.id,
    ip: request.ip ?? null,
    lang: request.lang,
    now: deps.clock.now(),
  };
}

/** The context of a staff request; the guard has already checked the session. */
export function staffCtx(request: FastifyRequest): Ctx {
  const auth = request.staffAuth;
  if (!auth) throw new AppError('UNAUTHENTICATED');
  return {
    ...base(request),
    practiceId: auth.practiceId,
    actor: { kind: 'staff', staffId: auth.staffId, role: auth.role },
  };
}

/** The context of a request that has just authenticated a staff member (sign-in). */
export function staffCtxFor(
  request: FastifyRequest,
  member: { staffId: string; practiceId: string; role: StaffRole },
): Ctx {
  return {
    ...base(request),
    practiceId: member.practiceId,
    actor: { kind: 'staff', staffId: member.staffId, role: member.role },
  };
}

export function staffSessionId(request: FastifyRequest): string {
  if (!request.staffAuth) throw new AppError('UNAUTHENTICATED');
  return request.staffAuth.sessionId;
}

export function patientSessionId(request: FastifyRequest): string {
  if (!request.patientAuth) throw new AppError('UNAUTHENTICATED');
  return request.patientAuth.sessionId;
}

/** The context of a patient-app request; the guard has already checked the session. */
export function patientCtx(request: FastifyRequest): Ctx {
  const auth = request.patientAuth;
  if (!auth) throw new AppError('UNAUTHENTICATED');
  return {
    ...base(request),
    practiceId: auth.practiceId,
    actor: { kind: 'patient', phone: auth.phone, patientId: auth.patientId, sessionId: auth.sessionId },
  };
}

/** The context of an anonymous request on one practice's public pages. */
export function publicCtx(request: FastifyRequest, practiceId: string): Ctx {
  return { ...base(request), practiceId, actor: { kind: 'public' } };
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  name: string,
  token: string,
  expiresAt: Date,
): void {
  reply.setCookie(name, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.server.deps.config.publicUrl.startsWith('https://'),
    maxAge: secondsUntil(expiresAt, request.server.deps.clock.now()),
  });
}

/**
 * A cookie's lifetime as Max-Age (relative) rather than Expires (absolute): the browser then keeps it
 * exactly as long as the server means, even when the two clocks disagree.
 */
export function secondsUntil(expiresAt: Date, now: Date): number {
  return Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000));
}

export function userAgent(request: FastifyRequest): string | null {
  return request.headers['user-agent'] ?? null;
}
