import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, pageOf } from '../../../contracts/common';
import { idField, slugField } from '../../../contracts/fields';
import {
  acceptedOfferSchema,
  acceptOfferBody,
  offerSchema,
  publicWaitlistBody,
  waitlistEntryBody,
  waitlistEntrySchema,
  waitlistQuery,
} from '../../../contracts/waitlist';
import { anyStaff, publicAccess } from '../../http/access';
import { staffCtx } from '../../http/ctx';
import { acceptOffer } from './accept-offer';
import { addWaitlistEntry } from './add-waitlist-entry';
import { cancelWaitlistEntry } from './cancel-waitlist-entry';
import { getOffer } from './get-offer';
import { joinWaitlist } from './join-waitlist';
import { listWaitlist } from './list-waitlist';

const tags = ['waiting list'];
const byEntry = z.object({ entryId: idField });
const bySlug = z.object({ slug: slugField });
const byToken = z.object({
  token: z.string().min(20).max(120).describe('Token of the link sent to the patient'),
});

/**
 * Waiting list routes (RDV-10): staff management, online joining, offers.
 * @public
 */
export function waitlistRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const meta = (request: { ip: string; lang: 'fr' | 'en'; id: string }) => ({
    ip: request.ip,
    lang: request.lang,
    requestId: request.id,
  });

  r.get(
    '/api/console/waitlist',
    {
      schema: {
        tags,
        summary: 'The waiting list in queue order (oldest first), with patients and motifs; audited',
        querystring: waitlistQuery,
        response: { 200: pageOf(waitlistEntrySchema), ...errorResponses(400, 401, 403) },
      },
      config: { access: anyStaff },
    },
    async (request) => listWaitlist(staffCtx(request), request.query),
  );

  r.post(
    '/api/console/waitlist',
    {
      schema: {
        tags,
        summary:
          'Put a patient on the waiting list: a motif, any practitioner or one, a window of dates from today (409 if already waiting)',
        body: waitlistEntryBody,
        response: { 201: waitlistEntrySchema, ...errorResponses(400, 401, 403, 409) },
      },
      config: { access: anyStaff },
    },
    async (request, reply) => reply.status(201).send(await addWaitlistEntry(staffCtx(request), request.body)),
  );

  r.post(
    '/api/console/waitlist/:entryId/cancel',
    {
      schema: {
        tags,
        summary: 'Take a patient off the waiting list (their open offers stop being valid)',
        params: byEntry,
        response: { 200: waitlistEntrySchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: anyStaff },
    },
    async (request) => cancelWaitlistEntry(staffCtx(request), request.params.entryId),
  );

  r.post(
    '/api/public/practices/:slug/waitlist',
    {
      schema: {
        tags,
        summary:
          'Join the waiting list online with a booking token, for oneself or one’s family (known patients, online motifs)',
        params: bySlug,
        body: publicWaitlistBody,
        response: { 201: waitlistEntrySchema, ...errorResponses(400, 403, 404, 409, 410) },
      },
      config: { access: publicAccess },
    },
    async (request, reply) =>
      reply.status(201).send(await joinWaitlist(app.deps, request.params.slug, request.body, meta(request))),
  );

  r.get(
    '/api/public/offers/:token',
    {
      schema: {
        tags,
        summary: 'An offered slot (link of the SMS/email): open, accepted, taken or expired',
        params: byToken,
        response: { 200: offerSchema, ...errorResponses(400, 404) },
      },
      config: { access: publicAccess },
    },
    async (request) => getOffer(app.deps, request.params.token),
  );

  r.post(
    '/api/public/offers/:token/accept',
    {
      schema: {
        tags,
        summary:
          'Accept an offered slot: the first acceptance books it; later ones 403 BOOKING_NOT_ALLOWED offer_taken / offer_expired',
        params: byToken,
        body: acceptOfferBody,
        response: { 200: acceptedOfferSchema, ...errorResponses(400, 403, 404) },
      },
      config: { access: publicAccess },
    },
    async (request) => acceptOffer(app.deps, request.params.token, request.body, meta(request)),
  );
}
