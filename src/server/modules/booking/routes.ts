import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  bookedAppointmentSchema,
  bookingGrantSchema,
  bookingPageSchema,
  createBookingBody,
  identifyBody,
  moveBookingBody,
  publicSlotPageSchema,
  publicSlotQuery,
  verifyBookingBody,
} from '../../../contracts/booking';
import { errorResponses } from '../../../contracts/common';
import { instantField, slugField } from '../../../contracts/fields';
import { codeChallengeSchema, resendCodeBody } from '../../../contracts/patient-auth';
import { makeCtx } from '../../context';
import { publicAccess } from '../../http/access';
import { resendCode } from '../auth/send-code';
import { findPracticeBySlug } from '../practice/find-practice';
import { getBookingPage } from './booking-page';
import { createBooking } from './create-booking';
import { identifyForBooking } from './identify-for-booking';
import {
  cancelManagedAppointment,
  getManagedAppointment,
  managedCalendar,
  moveManagedAppointment,
  slotsForManagedMove,
} from './manage-booking';
import { findPublicSlots } from './public-slots';
import { verifyBookingCode } from './verify-booking-code';

const tags = ['online booking'];
const bySlug = z.object({ slug: slugField });
const byToken = z.object({
  token: z.string().min(20).max(120).describe('Token of the link sent to the patient'),
});

/** @public */
export function bookingRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const meta = (request: { ip: string; lang: 'fr' | 'en'; id: string }) => ({
    ip: request.ip,
    lang: request.lang,
    requestId: request.id,
  });

  r.get(
    '/api/public/practices/:slug/booking',
    {
      schema: {
        tags,
        summary:
          'The booking page: practice, online motifs with instructions, practitioners (never patient data)',
        params: bySlug,
        response: { 200: bookingPageSchema, ...errorResponses(400, 404) },
      },
      config: { access: publicAccess },
    },
    async (request) => getBookingPage(app.deps.db, request.params.slug),
  );

  r.get(
    '/api/public/practices/:slug/slots',
    {
      schema: {
        tags,
        summary:
          'Free slots of a motif for a week, one practitioner or any; without `from`, the first week with availability',
        params: bySlug,
        querystring: publicSlotQuery,
        response: { 200: publicSlotPageSchema, ...errorResponses(400, 404) },
      },
      config: { access: publicAccess },
    },
    async (request) => findPublicSlots(app.deps, request.params.slug, request.query),
  );

  r.post(
    '/api/public/practices/:slug/booking/identify',
    {
      schema: {
        tags,
        summary:
          'Phone, names and birth date: sends a 6-digit code by SMS (the same answer for known and new patients)',
        params: bySlug,
        body: identifyBody,
        response: { 200: codeChallengeSchema, ...errorResponses(400, 404, 429) },
      },
      config: { access: publicAccess },
    },
    async (request) =>
      identifyForBooking(app.deps, request.params.slug, request.body, request.ip, request.lang),
  );

  r.post(
    '/api/public/booking/resend',
    {
      schema: {
        tags,
        summary: 'Send the booking code again (after 60 s)',
        body: resendCodeBody,
        response: { 200: codeChallengeSchema, ...errorResponses(400, 410, 429) },
      },
      config: { access: publicAccess },
    },
    async (request) =>
      resendCode(app.deps, {
        challengeId: request.body.challengeId,
        purpose: 'booking',
        ip: request.ip,
        lang: request.lang,
      }),
  );

  r.post(
    '/api/public/booking/verify',
    {
      schema: {
        tags,
        summary:
          'Check the code: a booking token (30 min) and, for a known person, the family they may book for',
        body: verifyBookingBody,
        response: { 200: bookingGrantSchema, ...errorResponses(400, 410) },
      },
      config: { access: publicAccess },
    },
    async (request) => verifyBookingCode(app.deps, request.body),
  );

  r.post(
    '/api/public/practices/:slug/bookings',
    {
      schema: {
        tags,
        summary:
          'Book: every rule checked again; 409 SLOT_TAKEN with the next slots; 403 BOOKING_NOT_ALLOWED with its reason',
        params: bySlug,
        body: createBookingBody,
        response: { 201: bookedAppointmentSchema, ...errorResponses(400, 403, 404, 409, 410) },
      },
      config: { access: publicAccess },
    },
    async (request, reply) => {
      const practice = await findPracticeBySlug(app.deps.db, request.params.slug);
      const ctx = makeCtx(app.deps, { practiceId: practice.id, actor: { kind: 'public' }, ...meta(request) });
      return reply.status(201).send(await createBooking(ctx, request.body));
    },
  );

  r.get(
    '/api/public/appointments/:token',
    {
      schema: {
        tags,
        summary: 'Manage link: the appointment (410 LINK_EXPIRED 30 days after its end)',
        params: byToken,
        response: { 200: bookedAppointmentSchema, ...errorResponses(400, 404, 410) },
      },
      config: { access: publicAccess },
    },
    async (request) => getManagedAppointment(app.deps, request.params.token),
  );

  r.post(
    '/api/public/appointments/:token/cancel',
    {
      schema: {
        tags,
        summary: 'Manage link: cancel (until the practice’s cutoff; later, 403 with the phone to call)',
        params: byToken,
        response: { 200: bookedAppointmentSchema, ...errorResponses(400, 403, 404, 410) },
      },
      config: { access: publicAccess },
    },
    async (request) => cancelManagedAppointment(app.deps, request.params.token, meta(request)),
  );

  r.get(
    '/api/public/appointments/:token/slots',
    {
      schema: {
        tags,
        summary: 'Manage link: free slots to move to (same motif and practitioner)',
        params: byToken,
        querystring: z.object({ from: instantField.optional() }),
        response: { 200: publicSlotPageSchema, ...errorResponses(400, 404, 410) },
      },
      config: { access: publicAccess },
    },
    async (request) => slotsForManagedMove(app.deps, request.params.token, request.query.from),
  );

  r.post(
    '/api/public/appointments/:token/move',
    {
      schema: {
        tags,
        summary: 'Manage link: move to another free slot (until the cutoff)',
        params: byToken,
        body: moveBookingBody,
        response: { 200: bookedAppointmentSchema, ...errorResponses(400, 403, 404, 409, 410) },
      },
      config: { access: publicAccess },
    },
    async (request) => moveManagedAppointment(app.deps, request.params.token, request.body, meta(request)),
  );

  r.get(
    '/api/public/appointments/:token/calendar.ics',
    {
      schema: { tags, summary: 'The appointment as an iCalendar file', params: byToken },
      config: { access: publicAccess },
    },
    async (request, reply) =>
      reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', 'attachment; filename="rendez-vous.ics"')
        .send(await managedCalendar(app.deps, request.params.token, request.lang)),
  );
}
