import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses, okSchema } from '../../../contracts/common';
import {
  acceptInvitationBody,
  changePasswordBody,
  confirmTotpBody,
  disableTotpBody,
  invitationInfoSchema,
  invitationInspectBody,
  mfaCodeBody,
  passwordResetBody,
  passwordResetRequestBody,
  recoveryCodesSchema,
  staffMeSchema,
  staffSignInAnswer,
  staffSignInBody,
  totpEnrolmentSchema,
  unlockBody,
} from '../../../contracts/staff-auth';
import { publicAccess } from '../../http/access';
import { setSessionCookie, staffCtx, staffCtxFor, staffSessionId, userAgent } from '../../http/ctx';
import { lockSession, revokeSession, sessionCookies } from '../auth/sessions';
import { acceptInvitation, inspectInvitation } from '../staff/invitations';
import { changePassword } from './change-password';
import { completeMfaSignIn } from './complete-mfa-sign-in';
import { disableTotp } from './disable-totp';
import { confirmTotpEnrolment, startTotpEnrolment } from './enrol-totp';
import { getStaffMe } from './get-staff-me';
import { knownDeviceCookie, knownDeviceMs, rememberDevice } from './known-device';
import { mfaTicketCookie } from './mfa-ticket';
import { requestPasswordReset } from './request-password-reset';
import { resetPassword } from './reset-password';
import { signInStaff } from './sign-in-staff';
import { unlockConsole } from './unlock-console';

const tags = ['staff sign-in'];
/** Routes a member who must still enrol a second factor can call: their session, and the enrolment. */
const beforeEnrolment = { kind: 'staff', allowBeforeMfaEnrolment: true } as const;
const lockedToo = { kind: 'staff', allowLocked: true, allowBeforeMfaEnrolment: true } as const;

/** @public */
export function staffAuthRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/staff/sign-in',
    {
      schema: {
        tags,
        summary:
          'Sign in with email and password; sets the session cookie, or, with two-factor sign-in on, a ' +
          'short-lived ticket cookie and `mfaRequired` (then POST /api/staff/sign-in/mfa)',
        body: staffSignInBody,
        response: { 200: staffSignInAnswer, ...errorResponses(400, 401, 429) },
      },
      config: { access: publicAccess },
    },
    async (request, reply) => {
      const result = await signInStaff(app.deps, {
        ...request.body,
        ip: request.ip,
        userAgent: userAgent(request),
        requestId: request.id,
        device: request.cookies[knownDeviceCookie],
      });
      if (result.kind === 'mfa') {
        setSessionCookie(request, reply, mfaTicketCookie, result.ticket, result.expiresAt);
        return { mfaRequired: true as const };
      }
      setSessionCookie(request, reply, sessionCookies.staff, result.token, result.expiresAt);
      rememberThisDevice(request, reply, result.member.staffId);
      return getStaffMe(staffCtxFor(request, result.member), false);
    },
  );

  r.post(
    '/api/staff/sign-in/mfa',
    {
      schema: {
        tags,
        summary:
          'Second step of sign-in: the authenticator code (or a recovery code) for the ticket set by ' +
          'the password step; sets the session cookie',
        body: mfaCodeBody,
        response: { 200: staffMeSchema, ...errorResponses(400, 410, 429) },
      },
      config: { access: publicAccess },
    },
    async (request, reply) => {
      const result = await completeMfaSignIn(app.deps, {
        ticket: request.cookies[mfaTicketCookie],
        code: request.body.code,
        ip: request.ip,
        userAgent: userAgent(request),
        requestId: request.id,
      });
      reply.clearCookie(mfaTicketCookie, { path: '/' });
      setSessionCookie(request, reply, sessionCookies.staff, result.token, result.expiresAt);
      rememberThisDevice(request, reply, result.member.staffId);
      return getStaffMe(staffCtxFor(request, result.member), false);
    },
  );

  r.post(
    '/api/staff/password',
    {
      schema: {
        tags,
        summary: 'Change one’s own password; ends one’s other sessions',
        body: changePasswordBody,
        response: { 200: okSchema, ...errorResponses(400, 401, 429) },
      },
      config: { access: beforeEnrolment },
    },
    async (request) => {
      await changePassword(
        staffCtx(request),
        staffSessionId(request),
        request.body,
        request.cookies[knownDeviceCookie],
      );
      return { ok: true as const };
    },
  );

  r.post(
    '/api/staff/password-reset/request',
    {
      schema: {
        tags,
        summary:
          'Forgotten password: emails a one-time link if the address is a staff member’s (same answer either way)',
        body: passwordResetRequestBody,
        response: { 200: okSchema, ...errorResponses(400, 429) },
      },
      config: { access: publicAccess },
    },
    async (request) => {
      await requestPasswordReset(app.deps, {
        email: request.body.email,
        ip: request.ip,
        lang: request.lang,
        requestId: request.id,
      });
      return { ok: true as const };
    },
  );

  r.post(
    '/api/staff/password-reset',
    {
      schema: {
        tags,
        summary: 'Set a new password from a reset link (usable once); ends every session, then sign in',
        body: passwordResetBody,
        response: { 200: okSchema, ...errorResponses(400, 410) },
      },
      config: { access: publicAccess },
    },
    async (request) => {
      await resetPassword(app.deps, { ...request.body, ip: request.ip, requestId: request.id });
      return { ok: true as const };
    },
  );

  r.post(
    '/api/staff/mfa/enrolment',
    {
      schema: {
        tags,
        summary: 'Start enrolling an authenticator app: a new secret, its otpauth:// URI and QR code',
        response: { 200: totpEnrolmentSchema, ...errorResponses(401, 409) },
      },
      config: { access: beforeEnrolment },
    },
    async (request) => startTotpEnrolment(staffCtx(request)),
  );

  r.post(
    '/api/staff/mfa/enrolment/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm the enrolment with a code of the app; returns the ten recovery codes, once',
        body: confirmTotpBody,
        response: { 200: recoveryCodesSchema, ...errorResponses(400, 401, 409, 429) },
      },
      config: { access: beforeEnrolment },
    },
    async (request) => confirmTotpEnrolment(staffCtx(request), request.body),
  );

  r.post(
    '/api/staff/mfa/disable',
    {
      schema: {
        tags,
        summary: 'Turn two-factor sign-in off (password and a code or recovery code)',
        body: disableTotpBody,
        response: { 200: okSchema, ...errorResponses(400, 401, 409, 429) },
      },
      config: { access: { kind: 'staff' } },
    },
    async (request) => {
      await disableTotp(staffCtx(request), request.body, request.cookies[knownDeviceCookie]);
      return { ok: true as const };
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
      config: { access: beforeEnrolment },
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
      await unlockConsole(
        staffCtx(request),
        staffSessionId(request),
        request.body.password,
        request.cookies[knownDeviceCookie],
      );
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
        body: invitationInspectBody,
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

/** After a full sign-in (password, and the second factor if on): this browser is now known for the account. */
function rememberThisDevice(request: FastifyRequest, reply: FastifyReply, staffId: string): void {
  const { config, clock } = request.server.deps;
  const now = clock.now();
  const value = rememberDevice(config.sessionSecret, request.cookies[knownDeviceCookie], staffId, now);
  setSessionCookie(request, reply, knownDeviceCookie, value, new Date(now.getTime() + knownDeviceMs));
}
