import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, okSchema } from '../../../contracts/common';
import {
  acceptInvitationBody,
  invitationInfoSchema,
  staffMeSchema,
  staffSignInBody,
  unlockBody,
} from '../../../contracts/staff-auth';
import { publicAccess } from '../../http/access';
import { setSessionCookie, staffCtx, staffCtxFor, staffSessionId, userAgent } from '../../http/ctx';
import { lockSession, revokeSession, sessionCookies } from '../auth/sessions';
import { acceptInvitation, inspectInvitation } from '../staff/invitations';
import { getStaffMe } from './get-staff-me';
import { signInStaff } from './sign-in-staff';
import { unlockConsole } from './unlock-console';

const tags = ['staff sign-in'];
const lockedToo = { kind: 'staff', allowLocked: true } as const;

export function staffAuthRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/staff/sign-in',
    {
      schema: {
        tags,
        summary: 'Sign in with email and password; sets the session cookie',
        body: staffSignInBody,
        response: { 200: staffMeSchema, ...errorResponses(400, 401, 429) },
      },
      config: { access: publicAccess },
    },
    async (request, reply) => {
      const session = await signInStaff(app.deps, {
        ...request.body,
        ip: request.ip,
        userAgent: userAgent(request),
        requestId: request.id,
      });
      setSessionCookie(request, reply, sessionCookies.staff, session.token, session.expiresAt);
      return getStaffMe(staffCtxFor(request, session.member), false);
    },
  );

  r.get(
    '/api/staff/me',
    {
      schema: {
        tags,
        summary: 'The signed-in staff member; `locked` tells the console to show its lock screen',
        response: { 200: staffMeSchema, ...errorResponses(401) },
      },
      config: { access: lockedToo, background: true },
    },
    async (request) => getStaffMe(staffCtx(request), request.staffAuth?.locked ?? false),
  );

  r.post(
    '/api/staff/activity',
    {
      schema: {
        tags,
        summary: 'Heartbeat sent by the console while the person is using it (keeps the session unlocked)',
        response: { 200: okSchema, ...errorResponses(401) },
      },
      config: { access: { kind: 'staff' } },
    },
    async () => ({ ok: true as const }),
  );

  r.post(
    '/api/staff/lock',
    {
      schema: { tags, summary: 'Lock the console now', response: { 200: okSchema, ...errorResponses(401) } },
      config: { access: lockedToo },
    },
    async (request) => {
      await lockSession(app.deps, staffSessionId(request));
      return { ok: true as const };
    },
  );

  r.post(
    '/api/staff/unlock',
    {
      schema: {
        tags,
        summary: 'Unlock a locked console with the password',
        body: unlockBody,
        response: { 200: okSchema, ...errorResponses(400, 401, 429) },
      },
      config: { access: lockedToo },
    },
    async (request) => {
      await unlockConsole(staffCtx(request), staffSessionId(request), request.body.password);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/staff/sign-out',
    {
      schema: {
        tags,
        summary: 'Sign out: ends the session',
        response: { 200: okSchema, ...errorResponses(401) },
      },
      config: { access: lockedToo },
    },
    async (request, reply) => {
      await revokeSession(app.deps, staffSessionId(request));
      reply.clearCookie(sessionCookies.staff, { path: '/' });
      return { ok: true as const };
    },
  );

  r.post(
    '/api/staff/invitations/inspect',
    {
      schema: {
        tags,
        summary: 'What a pending invitation is for (the token travels in the body, not the URL)',
        body: z.object({ token: z.string().min(10).max(200) }),
        response: { 200: invitationInfoSchema, ...errorResponses(400, 410) },
      },
      config: { access: publicAccess },
    },
    async (request) => inspectInvitation(app.deps, request.body.token),
  );

  r.post(
    '/api/staff/invitations/accept',
    {
      schema: {
        tags,
        summary: 'Choose a password from an invitation link; signs in',
        body: acceptInvitationBody,
        response: { 200: okSchema, ...errorResponses(400, 410) },
      },
      config: { access: publicAccess },
    },
    async (request, reply) => {
      const session = await acceptInvitation(app.deps, {
        ...request.body,
        ip: request.ip,
        userAgent: userAgent(request),
        requestId: request.id,
      });
      setSessionCookie(request, reply, sessionCookies.staff, session.token, session.expiresAt);
      return { ok: true as const };
    },
  );
}
