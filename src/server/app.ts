import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { installZodMessageKeys } from '../contracts/zod-setup';
import type { Config } from './config';
import type { AppDeps } from './context';
import { registerApiDocs } from './http/api-docs';
import { registerCompression } from './http/compress';
import { registerErrorHandling } from './http/error-handler';
import { registerTextGuard } from './http/text-guard';
import { trustProxyOption } from './http/trust-proxy';
import './http/fastify-types';
import { registerGuard } from './http/guard';
import { registerSecurityHeaders } from './http/security-headers';
import { registerWeb } from './http/web';
import { appModuleRoutes } from './modules/app-modules/routes';
import { appReminderRoutes } from './modules/app-reminders/routes';
import { appUserRoutes } from './modules/app-users/routes';
import { bookingRoutes } from './modules/booking/routes';
import { changeRequestRoutes } from './modules/change-requests/routes';
import { appDocumentRoutes } from './modules/documents/app-routes';
import { documentRoutes } from './modules/documents/routes';
import { secureLinkRoutes } from './modules/documents/secure-routes';
import { feedRoutes } from './modules/feeds/routes';
import { healthRoutes } from './modules/health/routes';
import { messagingRoutes } from './modules/messaging/routes';
import { outboxRoutes } from './modules/outbox/routes';
import { patientAppRoutes } from './modules/patient-app/routes';
import { patientAuthRoutes } from './modules/patient-auth/routes';
import { patientRoutes } from './modules/patients/routes';
import { practiceRoutes } from './modules/practice/routes';
import { pushRoutes } from './modules/push/routes';
import { schedulingRoutes } from './modules/scheduling/routes';
import { settingsRoutes } from './modules/settings/routes';
import { setupRoutes } from './modules/setup/routes';
import { staffRoutes } from './modules/staff/routes';
import { staffAuthRoutes } from './modules/staff-auth/routes';
import { waitlistRoutes } from './modules/waitlist/routes';
import { safeError } from './safe-error';

installZodMessageKeys();

export interface BuildOptions {
  /**
   * false for silence (tests); otherwise the level (default LOG_LEVEL) and where the JSON lines go
   * (default stdout). Errors are always logged through `safeError`, whatever the destination.
   */
  logger?: false | { level?: Config['logLevel']; stream?: { write(line: string): void } };
}

/** Builds the HTTP application; `main.ts` listens with it, tests `inject` into it. */
export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: options.logger?.level ?? deps.config.logLevel,
            ...(options.logger?.stream ? { stream: options.logger.stream } : {}),
            redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
            // a failing query's parameters (names, phones, emails…) never reach the log
            serializers: { err: safeError },
          },
    genReqId: () => randomUUID(),
    trustProxy: trustProxyOption(deps.config.trustProxy),
    bodyLimit: 1024 * 1024,
    // one concise line per request (below) instead of Fastify's two verbose ones
    logController: new LogController({ disableRequestLogging: true }),
  });
  app.decorate('deps', deps);
  registerSecurityHeaders(app, { publicUrl: deps.config.publicUrl });
  app.addHook('onResponse', async (request, reply) => {
    // the route's pattern (`/api/feeds/:token.ics`), not its address: paths carry the tokens of feeds,
    // manage, offer and secure-document links, which act for someone
    const path = request.routeOptions.url ?? request.url.split('?')[0];
    const line = `${request.method} ${path} ${reply.statusCode} ${Math.round(reply.elapsedTime)} ms`;
    if (reply.statusCode >= 500) request.log.error(line);
    else request.log.info(line);
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(fastifyCookie);
  await registerCompression(app);
  // Uploads (message attachments, documents) are streamed part by part; each route passes its own
  // limits to `request.parts()`, and the file size is checked again while storing.
  await app.register(fastifyMultipart, {
    limits: {
      fileSize: deps.config.files.maxBytes + 1,
      files: 5,
      fields: 10,
      fieldSize: 64 * 1024,
      parts: 15,
    },
  });
  await registerApiDocs(app);

  registerGuard(app);
  registerErrorHandling(app);
  registerTextGuard(app);

  healthRoutes(app);
  staffAuthRoutes(app);
  setupRoutes(app);
  staffRoutes(app);
  patientAuthRoutes(app);
  patientRoutes(app);
  practiceRoutes(app);
  outboxRoutes(app);
  schedulingRoutes(app);
  settingsRoutes(app);
  bookingRoutes(app);
  waitlistRoutes(app);
  feedRoutes(app);
  appModuleRoutes(app);
  patientAppRoutes(app);
  changeRequestRoutes(app);
  appReminderRoutes(app);
  appUserRoutes(app);
  documentRoutes(app);
  appDocumentRoutes(app);
  secureLinkRoutes(app);
  messagingRoutes(app);
  pushRoutes(app);

  await registerWeb(app);
  return app;
}
