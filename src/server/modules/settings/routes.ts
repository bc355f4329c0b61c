import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, okSchema } from '../../../contracts/common';
import { idField } from '../../../contracts/fields';
import {
  absenceBody,
  absenceListSchema,
  absenceSchema,
  locationBody,
  locationListSchema,
  locationSchema,
  motifBody,
  motifListSchema,
  motifSchema,
  openingRangeBody,
  openingRangeListSchema,
  openingRangeSchema,
  practiceSettingsSchema,
  practitionerListSchema,
  staffUpdateBody,
  updatePracticeSettingsBody,
} from '../../../contracts/settings';
import { staffMemberSchema } from '../../../contracts/staff';
import { adminOnly, anyStaff } from '../../http/access';
import { staffCtx } from '../../http/ctx';
import { practitionersOf, visiblePractitionerIds } from '../scheduling/visibility';
import { removeStaff, updateStaff } from '../staff/update-staff';
import { createAbsence, deleteAbsence, listAbsences, updateAbsence } from './absences';
import { archiveLocation, createLocation, listLocations, updateLocation } from './locations';
import { archiveMotif, createMotif, listMotifs, updateMotif } from './motifs';
import {
  createOpeningRange,
  deleteOpeningRange,
  listOpeningRanges,
  updateOpeningRange,
} from './opening-ranges';
import { getPracticeSettings, updatePracticeSettings } from './practice-settings';

const tags = ['settings'];
const byId = z.object({ id: idField });
const ok = { ok: true as const };
const practitionerFilter = z.object({ practitionerId: idField.optional() });

/** @public */
export function settingsRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/console/settings/practice',
    {
      schema: {
        tags,
        summary: 'Practice details and settings (admin)',
        response: { 200: practiceSettingsSchema, ...errorResponses(401, 403) },
      },
      config: { access: adminOnly },
    },
    async (request) => getPracticeSettings(staffCtx(request)),
  );
  r.patch(
    '/api/console/settings/practice',
    {
      schema: {
        tags,
        summary: 'Change practice details and settings (admin)',
        body: updatePracticeSettingsBody,
        response: { 200: practiceSettingsSchema, ...errorResponses(400, 401, 403) },
      },
      config: { access: adminOnly },
    },
    async (request) => updatePracticeSettings(staffCtx(request), request.body),
  );

  r.get(
    '/api/console/practitioners',
    {
      schema: {
        tags,
        summary: 'The practice’s practitioners; `visible`: the caller may see their agenda',
        response: {
          200: practitionerListSchema,
          ...errorResponses(401),
        },
      },
      config: { access: anyStaff },
    },
    async (request) => {
      const ctx = staffCtx(request);
      const visible = new Set(await visiblePractitionerIds(ctx));
      const items = (await practitionersOf(ctx)).map((member) => ({
        id: member.id,
        title: member.title,
        firstName: member.firstName,
        lastName: member.lastName,
        speciality: member.speciality,
        colour: member.colour,
        onlineBookingOpen: member.onlineBookingOpen,
        activeInApp: member.activeInApp,
        visible: visible.has(member.id),
      }));
      return { items };
    },
  );

  r.patch(
    '/api/console/staff/:id',
    {
      schema: {
        tags,
        summary: 'Change a member’s role, details, app and booking flags, agenda grants (admin)',
        params: byId,
        body: staffUpdateBody,
        response: { 200: staffMemberSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: adminOnly },
    },
    async (request) => updateStaff(staffCtx(request), request.params.id, request.body),
  );
  r.delete(
    '/api/console/staff/:id',
    {
      schema: {
        tags,
        summary: 'Remove a member (admin); ends their sessions',
        params: byId,
        response: { 200: okSchema, ...errorResponses(401, 403, 404, 409) },
      },
      config: { access: adminOnly },
    },
    async (request) => {
      await removeStaff(staffCtx(request), request.params.id);
      return ok;
    },
  );

  r.get(
    '/api/console/locations',
    {
      schema: {
        tags,
        summary: 'Locations',
        response: { 200: locationListSchema, ...errorResponses(401) },
      },
      config: { access: anyStaff },
    },
    async (request) => ({ items: await listLocations(staffCtx(request)) }),
  );
  r.post(
    '/api/console/locations',
    {
      schema: {
        tags,
        summary: 'Add a location (admin)',
        body: locationBody,
        response: { 201: locationSchema, ...errorResponses(400, 401, 403) },
      },
      config: { access: adminOnly },
    },
    async (request, reply) => reply.status(201).send(await createLocation(staffCtx(request), request.body)),
  );
  r.patch(
    '/api/console/locations/:id',
    {
      schema: {
        tags,
        summary: 'Change a location (admin)',
        params: byId,
        body: locationBody.partial(),
        response: { 200: locationSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: adminOnly },
    },
    async (request) => updateLocation(staffCtx(request), request.params.id, request.body),
  );
  r.delete(
    '/api/console/locations/:id',
    {
      schema: {
        tags,
        summary: 'Archive a location (admin)',
        params: byId,
        response: { 200: okSchema, ...errorResponses(401, 403, 404) },
      },
      config: { access: adminOnly },
    },
    async (request) => {
      await archiveLocation(staffCtx(request), request.params.id);
      return ok;
    },
  );

  r.get(
    '/api/console/motifs',
    {
      schema: {
        tags,
        summary: 'Motifs',
        response: { 200: motifListSchema, ...errorResponses(401) },
      },
      config: { access: anyStaff },
    },
    async (request) => ({ items: await listMotifs(staffCtx(request)) }),
  );
  r.post(
    '/api/console/motifs',
    {
      schema: {
        tags,
        summary: 'Add a motif (admin)',
        body: motifBody,
        response: { 201: motifSchema, ...errorResponses(400, 401, 403) },
      },
      config: { access: adminOnly },
    },
    async (request, reply) => reply.status(201).send(await createMotif(staffCtx(request), request.body)),
  );
  r.patch(
    '/api/console/motifs/:id',
    {
      schema: {
        tags,
        summary: 'Change a motif (admin)',
        params: byId,
        body: motifBody.partial(),
        response: { 200: motifSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: adminOnly },
    },
    async (request) => updateMotif(staffCtx(request), request.params.id, request.body),
  );
  r.delete(
    '/api/console/motifs/:id',
    {
      schema: {
        tags,
        summary: 'Archive a motif (admin)',
        params: byId,
        response: { 200: okSchema, ...errorResponses(401, 403, 404) },
      },
      config: { access: adminOnly },
    },
    async (request) => {
      await archiveMotif(staffCtx(request), request.params.id);
      return ok;
    },
  );

  r.get(
    '/api/console/opening-ranges',
    {
      schema: {
        tags,
        summary: 'Opening ranges of the agendas the caller may see',
        querystring: practitionerFilter,
        response: { 200: openingRangeListSchema, ...errorResponses(400, 401, 403) },
      },
      config: { access: anyStaff },
    },
    async (request) => ({ items: await listOpeningRanges(staffCtx(request), request.query.practitionerId) }),
  );
  r.post(
    '/api/console/opening-ranges',
    {
      schema: {
        tags,
        summary: 'Add an opening range (admin, or the practitioner for their own agenda)',
        body: openingRangeBody,
        response: { 201: openingRangeSchema, ...errorResponses(400, 401, 403) },
      },
      config: { access: anyStaff },
    },
    async (request, reply) =>
      reply.status(201).send(await createOpeningRange(staffCtx(request), request.body)),
  );
  r.put(
    '/api/console/opening-ranges/:id',
    {
      schema: {
        tags,
        summary: 'Replace an opening range',
        params: byId,
        body: openingRangeBody,
        response: { 200: openingRangeSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: anyStaff },
    },
    async (request) => updateOpeningRange(staffCtx(request), request.params.id, request.body),
  );
  r.delete(
    '/api/console/opening-ranges/:id',
    {
      schema: {
        tags,
        summary: 'Remove an opening range',
        params: byId,
        response: { 200: okSchema, ...errorResponses(401, 403, 404) },
      },
      config: { access: anyStaff },
    },
    async (request) => {
      await deleteOpeningRange(staffCtx(request), request.params.id);
      return ok;
    },
  );

  r.get(
    '/api/console/absences',
    {
      schema: {
        tags,
        summary: 'Absences of the agendas the caller may see',
        querystring: practitionerFilter,
        response: { 200: absenceListSchema, ...errorResponses(400, 401, 403) },
      },
      config: { access: anyStaff },
    },
    async (request) => ({ items: await listAbsences(staffCtx(request), request.query.practitionerId) }),
  );
  r.post(
    '/api/console/absences',
    {
      schema: {
        tags,
        summary: 'Add an absence, one-off or recurring (admin, or the practitioner for their own agenda)',
        body: absenceBody,
        response: { 201: absenceSchema, ...errorResponses(400, 401, 403) },
      },
      config: { access: anyStaff },
    },
    async (request, reply) => reply.status(201).send(await createAbsence(staffCtx(request), request.body)),
  );
  r.put(
    '/api/console/absences/:id',
    {
      schema: {
        tags,
        summary: 'Replace an absence',
        params: byId,
        body: absenceBody,
        response: { 200: absenceSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: anyStaff },
    },
    async (request) => updateAbsence(staffCtx(request), request.params.id, request.body),
  );
  r.delete(
    '/api/console/absences/:id',
    {
      schema: {
        tags,
        summary: 'Remove an absence',
        params: byId,
        response: { 200: okSchema, ...errorResponses(401, 403, 404) },
      },
      config: { access: anyStaff },
    },
    async (request) => {
      await deleteAbsence(staffCtx(request), request.params.id);
      return ok;
    },
  );
}
