import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { langFromHeader } from '../../contracts/i18n/lang';
import { AppError } from '../errors';
import { resolveStaffSession, sessionCookies } from '../modules/auth/sessions';
import { sendError } from './error-handler';

export const apiDocsPrefix = '/api/docs';

/** The documentation page itself (not its JSON, YAML or assets): a person's browser opens it. */
function isDocsPage(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0] ?? '';
  return path === apiDocsPrefix || path === `${apiDocsPrefix}/`;
}

/**
 * The OpenAPI document of every route, and Swagger UI at `/api/docs` (JSON at `/api/docs/json`). Open only
 * to signed-in staff unless API_DOCS_PUBLIC=true: it maps every route an attacker could try. A signed-out
 * visitor of the page is sent to the console's sign-in; the JSON, YAML and assets answer 401.
 */
export async function registerApiDocs(app: FastifyInstance): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Sourire API',
        description:
          'Online booking, agenda, patient app and console of a dental practice. Errors answer `{ code, message, issues? }`.',
        version: '0.1.0',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(async (docs) => {
    if (!app.deps.config.apiDocsPublic)
      docs.addHook('onRequest', (request, reply) => staffOnly(app, request, reply));
    await docs.register(fastifySwaggerUi, { routePrefix: apiDocsPrefix });
  });
}

async function staffOnly(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
  request.lang = langFromHeader(request.headers['accept-language']);
  const token = request.cookies[sessionCookies.staff];
  const state = token ? await resolveStaffSession(app.deps, token, { background: false }) : null;
  if (state?.kind === 'active' && !state.mfaEnrolmentRequired) return;
  if (isDocsPage(request)) return reply.redirect('/console/', 303);
  const code =
    state?.kind === 'locked'
      ? 'SESSION_LOCKED'
      : state?.kind === 'active'
        ? 'MFA_ENROLMENT_REQUIRED'
        : 'UNAUTHENTICATED';
  return sendError(request, reply, new AppError(code));
}
