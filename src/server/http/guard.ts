import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { langFromHeader } from '../../contracts/i18n/lang';
import { AppError } from '../errors';
import { isModuleOn } from '../modules/app-modules/app-modules';
import { resolvePatientSession, resolveStaffSession, sessionCookies } from '../modules/auth/sessions';
import { sendError } from './error-handler';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Authentication and authorisation for every `/api` route, from the route's `config.access`:
 * - a route without a declared access refuses to register (deny by default);
 * - cross-site writes are refused (CSRF), on top of SameSite cookies;
 * - staff sessions are checked for lock and role, patient sessions for validity and, on a route of a
 *   patient-app module (`config.module`), for that module being switched on by the practice.
 */
export function registerGuard(app: FastifyInstance): void {
  app.decorateRequest('lang', 'fr');
  app.decorateRequest('staffAuth', null);
  app.decorateRequest('patientAuth', null);

  app.addHook('onRoute', (route) => {
    const url = route.url ?? '';
    if (url.startsWith('/api/') && !url.startsWith('/api/docs') && !route.config?.access) {
      throw new Error(`Route ${route.method} ${url} declares no access rule`);
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    request.lang = langFromHeader(request.headers['accept-language']);
    reply.header('x-request-id', request.id);
    if (unsafeMethods.has(request.method) && isCrossSite(request, app.deps.config.publicUrl)) {
      return sendError(request, reply, new AppError('CSRF_REJECTED'));
    }
    const access = request.routeOptions.config.access;
    if (!access || access.kind === 'public') return;
    if (access.kind === 'staff') return checkStaff(app, request, reply);
    return checkPatient(app, request, reply);
  });
}

async function checkStaff(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
  const access = request.routeOptions.config.access;
  if (access?.kind !== 'staff') return;
  const token = request.cookies[sessionCookies.staff];
  if (!token) return sendError(request, reply, new AppError('UNAUTHENTICATED'));
  const state = await resolveStaffSession(app.deps, token, {
    background:
      request.routeOptions.config.background === true || request.headers['x-sourire-background'] === '1',
  });
  if (state.kind === 'none') {
    reply.clearCookie(sessionCookies.staff, { path: '/' });
    return sendError(request, reply, new AppError('UNAUTHENTICATED'));
  }
  request.staffAuth = {
    sessionId: state.sessionId,
    staffId: state.staffId,
    practiceId: state.practiceId,
    role: state.role,
    locked: state.kind === 'locked',
  };
  if (state.kind === 'locked' && !access.allowLocked) {
    return sendError(request, reply, new AppError('SESSION_LOCKED'));
  }
  if (state.mfaEnrolmentRequired && !access.allowBeforeMfaEnrolment) {
    return sendError(request, reply, new AppError('MFA_ENROLMENT_REQUIRED'));
  }
  if (access.roles && !access.roles.includes(state.role)) {
    return sendError(request, reply, AppError.forbidden());
  }
}

async function checkPatient(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
  const token = request.cookies[sessionCookies.patient];
  if (!token) return sendError(request, reply, new AppError('UNAUTHENTICATED'));
  const state = await resolvePatientSession(app.deps, token);
  if (state.kind === 'none') {
    reply.clearCookie(sessionCookies.patient, { path: '/' });
    return sendError(request, reply, new AppError('UNAUTHENTICATED'));
  }
  request.patientAuth = {
    sessionId: state.sessionId,
    practiceId: state.practiceId,
    phone: state.phone,
    patientId: state.patientId,
  };
  const access = request.routeOptions.config.access;
  if (state.optedOut && !(access?.kind === 'patient' && access.allowOptedOut)) {
    return sendError(request, reply, new AppError('APP_ACCESS_DISABLED'));
  }
  const module = request.routeOptions.config.module;
  if (module && !(await isModuleOn(app.deps.db, state.practiceId, module))) {
    return sendError(request, reply, new AppError('MODULE_DISABLED', { details: { module } }));
  }
}

/** A browser request is cross-site when its Origin (or Fetch metadata) says another site sent it. */
function isCrossSite(request: FastifyRequest, publicUrl: string): boolean {
  if (request.headers['sec-fetch-site'] === 'cross-site') return true;
  const origin = request.headers.origin;
  if (!origin) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return true;
  }
  return originHost !== request.headers.host && originHost !== new URL(publicUrl).host;
}
