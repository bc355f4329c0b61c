import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, okSchema } from '../../../contracts/common';
import { idField } from '../../../contracts/fields';
import {
  codeChallengeSchema,
  patientFileSchema,
  patientMeSchema,
  patientSignInStartBody,
  patientSignInVerifyBody,
  resendCodeBody,
} from '../../../contracts/patient-auth';
import { patientAccess, patientSignOutAccess, publicAccess } from '../../http/access';
import { patientCtx, patientSessionId, setSessionCookie, userAgent } from '../../http/ctx';
import { revokeSession, sessionCookies } from '../auth/sessions';
import { getFamilyMember } from './get-family-member';
import { getPatientMe } from './get-patient-me';
import { resendPatientCode } from './resend-patient-code';
import { startPatientSignIn } from './start-patient-sign-in';
import { verifyPatientCode } from './verify-patient-code';

const tags = ['patient app'];

/** @public */
export function patientAuthRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/patient/sign-in',
    {
      schema: {
        tags,
        summary: 'Identify by phone, names and birth date; sends a 6-digit code by SMS',
        body: patientSignInStartBody,
        response: { 200: codeChallengeSchema, ...errorResponses(400, 403, 404, 429) },
      },
      config: { access: publicAccess },
    },
    async (request) => startPatientSignIn(app.deps, { ...request.body, ip: request.ip, lang: request.lang }),
  );

  r.post(
    '/api/patient/sign-in/resend',
    {
      schema: {
        tags,
        summary: 'Send a new code (60 s after the previous one at the earliest)',
        body: resendCodeBody,
        response: { 200: codeChallengeSchema, ...errorResponses(400, 410, 429) },
      },
      config: { access: publicAccess },
    },
    async (request) => resendPatientCode(app.deps, { ...request.body, ip: request.ip, lang: request.lang }),
  );

  r.post(
    '/api/patient/sign-in/verify',
    {
      schema: {
        tags,
        summary: 'Check the code; sets the patient session cookie',
        body: patientSignInVerifyBody,
        response: { 200: okSchema, ...errorResponses(400, 410) },
      },
      config: { access: publicAccess },
    },
    async (request, reply) => {
      const session = await verifyPatientCode(app.deps, {
        ...request.body,
        ip: request.ip,
        userAgent: userAgent(request),
        requestId: request.id,
      });
      setSessionCookie(request, reply, sessionCookies.patient, session.token, session.expiresAt);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/patient/sign-out',
    {
      schema: {
        tags,
        summary: 'Sign out of the app on this device',
        response: { 200: okSchema, ...errorResponses(401) },
      },
      config: { access: patientSignOutAccess },
    },
    async (request, reply) => {
      await revokeSession(app.deps, patientSessionId(request));
      reply.clearCookie(sessionCookies.patient, { path: '/' });
      return { ok: true as const };
    },
  );

  r.get(
    '/api/patient/me',
    {
      schema: {
        tags,
        summary: 'The signed-in phone: practice and family (every patient linked to the phone)',
        response: { 200: patientMeSchema, ...errorResponses(401) },
      },
      config: { access: patientAccess },
    },
    async (request) => getPatientMe(patientCtx(request)),
  );

  r.get(
    '/api/patient/patients/:patientId',
    {
      schema: {
        tags,
        summary: 'One file of the family (404 for any other id)',
        params: z.object({ patientId: idField }),
        response: { 200: patientFileSchema, ...errorResponses(401, 404) },
      },
      config: { access: patientAccess },
    },
    async (request) => getFamilyMember(patientCtx(request), request.params.patientId),
  );
}
