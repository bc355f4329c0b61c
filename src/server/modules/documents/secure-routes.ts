import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contracts/common';
import {
  secureLinkInfoSchema,
  secureOpenBody,
  secureOpenSchema,
  secureTokenParams,
} from '../../../contracts/documents';
import { codeChallengeSchema, resendCodeBody } from '../../../contracts/patient-auth';
import { publicAccess } from '../../http/access';
import { secondsUntil, userAgent } from '../../http/ctx';
import { sendDocumentFile } from './http';
import {
  getSecureLinkInfo,
  openSecureLink,
  openSecureLinkFile,
  requestSecureLinkCode,
  resendSecureLinkCode,
  type SecureRequest,
} from './secure-link-access';

const tags = ['secure results'];
/** The cookie of an opened link, scoped to that link's routes only. */
const accessCookie = 'sourire_secure';

function secureRequest(request: FastifyRequest<{ Params: { token: string } }>): SecureRequest {
  return { token: request.params.token, ip: request.ip ?? null, requestId: request.id, lang: request.lang };
}

/**
 * Public routes of the secure results channel (DOC-5): the link's token is the key, an SMS code the lock.
 * @public
 */
export function secureLinkRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: publicAccess };

  r.get(
    '/api/public/secure/:token',
    {
      schema: {
        tags,
        summary: 'The link’s page: practice, masked phone, expiry (410 once expired or revoked)',
        params: secureTokenParams,
        response: { 200: secureLinkInfoSchema, ...errorResponses(400, 404, 410) },
      },
      config,
    },
    async (request) => getSecureLinkInfo(app.deps, secureRequest(request)),
  );

  r.post(
    '/api/public/secure/:token/code',
    {
      schema: {
        tags,
        summary: 'Send the 6-digit code to the link’s phone',
        params: secureTokenParams,
        response: { 200: codeChallengeSchema, ...errorResponses(400, 404, 410, 429) },
      },
      config,
    },
    async (request) => requestSecureLinkCode(app.deps, secureRequest(request)),
  );

  r.post(
    '/api/public/secure/:token/code/resend',
    {
      schema: {
        tags,
        summary: 'A new code (60 s after the previous one at the earliest)',
        params: secureTokenParams,
        body: resendCodeBody,
        response: { 200: codeChallengeSchema, ...errorResponses(400, 404, 410, 429) },
      },
      config,
    },
    async (request) =>
      resendSecureLinkCode(app.deps, { ...secureRequest(request), challengeId: request.body.challengeId }),
  );

  r.post(
    '/api/public/secure/:token/open',
    {
      schema: {
        tags,
        summary:
          'Open with the code: logged (when, IP, user agent); this browser may download for 15 minutes',
        params: secureTokenParams,
        body: secureOpenBody,
        response: { 200: secureOpenSchema, ...errorResponses(400, 404, 410) },
      },
      config,
    },
    async (request, reply) => {
      const opened = await openSecureLink(app.deps, {
        ...secureRequest(request),
        ...request.body,
        userAgent: userAgent(request),
      });
      reply.setCookie(accessCookie, opened.accessToken, {
        path: `/api/public/secure/${request.params.token}`,
        httpOnly: true,
        sameSite: 'strict',
        secure: app.deps.config.publicUrl.startsWith('https://'),
        maxAge: secondsUntil(opened.accessExpiresAt, app.deps.clock.now()),
      });
      return {
        ok: true as const,
        documentTitle: opened.documentTitle,
        accessExpiresAt: opened.accessExpiresAt.toISOString(),
      };
    },
  );

  r.get(
    '/api/public/secure/:token/file',
    {
      // a HEAD would open, audit and drop the file: downloads are GET only
      exposeHeadRoute: false,
      schema: {
        tags,
        summary: 'The document, for the browser that opened the link with the code (401 otherwise)',
        params: secureTokenParams,
        response: errorResponses(400, 401, 404, 410),
      },
      config,
    },
    async (request, reply) =>
      sendDocumentFile(
        reply,
        await openSecureLinkFile(app.deps, {
          ...secureRequest(request),
          accessToken: request.cookies[accessCookie],
        }),
      ),
  );
}
