import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, okSchema } from '../../../contracts/common';
import {
  calendarFeedListSchema,
  calendarFeedSchema,
  createdCalendarFeedSchema,
  feedSettingsBody,
} from '../../../contracts/feeds';
import { idField } from '../../../contracts/fields';
import { type Access, adminOnly, publicAccess } from '../../http/access';
import { staffCtx } from '../../http/ctx';
import { createCalendarFeed } from './create-calendar-feed';
import { listCalendarFeeds } from './list-calendar-feeds';
import { readCalendarFeed } from './read-calendar-feed';
import { revokeCalendarFeed } from './revoke-calendar-feed';
import { updateFeedSettings } from './update-feed-settings';

const tags = ['calendar feeds'];
const byPractitioner = z.object({ practitionerId: idField });
const practitionersAndAdmins: Access = { kind: 'staff', roles: ['practitioner', 'admin'] };
const practitionersOnly: Access = { kind: 'staff', roles: ['practitioner'] };

/**
 * Calendar feed routes: a practitioner's private iCalendar URL, created and revoked in the console.
 * @public
 */
export function feedRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/console/calendar-feeds',
    {
      schema: {
        tags,
        summary:
          'Whether each calendar URL exists and since when (a practitioner: their own; an admin: everyone’s)',
        response: { 200: calendarFeedListSchema, ...errorResponses(401, 403) },
      },
      config: { access: practitionersAndAdmins },
    },
    async (request) => listCalendarFeeds(staffCtx(request)),
  );

  r.post(
    '/api/console/calendar-feeds/:practitionerId',
    {
      schema: {
        tags,
        summary:
          'Create or regenerate one’s own calendar URL (the previous one stops working); the URL is shown this once',
        params: byPractitioner,
        response: { 201: createdCalendarFeedSchema, ...errorResponses(401, 403, 404) },
      },
      config: { access: practitionersOnly },
    },
    async (request, reply) =>
      reply.status(201).send(await createCalendarFeed(staffCtx(request), request.params.practitionerId)),
  );

  r.delete(
    '/api/console/calendar-feeds/:practitionerId',
    {
      schema: {
        tags,
        summary: 'Revoke a calendar URL: one’s own, or anyone’s for an admin',
        params: byPractitioner,
        response: { 200: calendarFeedSchema, ...errorResponses(401, 403, 404) },
      },
      config: { access: practitionersAndAdmins },
    },
    async (request) => revokeCalendarFeed(staffCtx(request), request.params.practitionerId),
  );

  r.put(
    '/api/console/calendar-feeds/settings',
    {
      schema: {
        tags,
        summary:
          'What feeds and daily exports show of patients: initials (default), full name or nothing (admin)',
        body: feedSettingsBody,
        response: { 200: okSchema, ...errorResponses(400, 401, 403) },
      },
      config: { access: adminOnly },
    },
    async (request) => {
      await updateFeedSettings(staffCtx(request), request.body.patientDetail);
      return { ok: true as const };
    },
  );

  r.get(
    '/api/feeds/:token.ics',
    {
      schema: {
        tags,
        summary: 'A practitioner’s planning as an iCalendar feed (the token is the secret); 404 once revoked',
        params: z.object({ token: z.string().describe('The secret of the URL') }),
      },
      config: { access: publicAccess },
    },
    async (request, reply) => {
      const calendar = await readCalendarFeed(app.deps, request.params.token, {
        requestId: request.id,
        ip: request.ip ?? null,
      });
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', 'inline; filename="agenda.ics"')
        .header('cache-control', 'private, max-age=300')
        .header('x-robots-tag', 'noindex')
        .send(calendar);
    },
  );
}
