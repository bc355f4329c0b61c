import { expect } from 'vitest';
import { type AuditSeeds, type Caller, formBody } from '../support/audit-seeds';
import type { Answer } from '../support/client';
import { makePatient } from '../support/factories';

/**
 * The staff routes of the audit-coverage test (tests/api/audit-coverage.test.ts), classified: every staff
 * route of the application is in `patientData` (with how to call it) or in `noPatientData` (with why).
 * A new staff route makes the test fail until it is added here.
 */

export interface Prepared {
  url: string;
  body?: unknown;
  form?: { payload: Buffer; contentType: string };
  /** the patient the audit row must name; null for a list of several patients */
  patientId: string | null | ((answer: Answer) => string);
}
export interface PatientDataRoute {
  /** the audit action the row must carry */
  action: string;
  /** builds the request on the seeds, creating what the call consumes (an appointment to cancel…) */
  prepare: (s: AuditSeeds) => Promise<Prepared>;
  status: number;
  /** who calls; default: a secretary when the route's roles allow one, else an admin, else a dentist */
  as?: Caller;
  /** a known gap in a module another helper owns: asserted absent, so that fixing it turns this red */
  todo?: string;
}
export interface Refusal {
  route: string;
  /** the audit action the rows must carry (left open for a known gap, whose fixer names it) */
  action?: string;
  prepare: (s: AuditSeeds) => Promise<Omit<Prepared, 'patientId'> & { patientIds: string[] }>;
  status: number;
  code: string;
  as?: Caller;
  todo?: string;
}

const onPatient =
  (url: (s: AuditSeeds) => string, patient: (s: AuditSeeds) => string) => async (s: AuditSeeds) => ({
    url: url(s),
    patientId: patient(s),
  });
/** A list of several patients; lists audit the page they answer, so `seed` first puts a row in it. */
const list =
  (url: string, seed?: (s: AuditSeeds) => Promise<unknown>) =>
  async (s: AuditSeeds): Promise<Prepared> => {
    await seed?.(s);
    return { url, patientId: null };
  };
/** A patient file's body, with the contact details a file needs. */
const fileBody = (
  patient: { lastName: string; firstName: string; birthDate: string },
  mobilePhone = `+3367${String(Math.floor(Math.random() * 10_000_000)).padStart(7, '0')}`,
) => ({
  lastName: patient.lastName,
  firstName: patient.firstName,
  birthDate: patient.birthDate,
  mobilePhone,
  email: 'fichier@test.example',
  addressLine: '1 rue du Test',
  postalCode: '69003',
  city: 'Lyon',
});

/** Routes that return or change patient data: each must leave an audit row. */
export const patientData: Record<string, PatientDataRoute> = {
  'GET /api/console/patients': {
    action: 'patient.search',
    prepare: list('/api/console/patients?q=Durand'),
    status: 200,
  },
  'POST /api/console/patients': {
    action: 'patient.create',
    prepare: async () => ({
      url: '/api/console/patients',
      body: fileBody({ lastName: 'Audit', firstName: 'Nouveau', birthDate: '1991-01-01' }),
      patientId: (answer) => String(answer.body.id),
    }),
    status: 201,
  },
  'GET /api/console/patients/:patientId': {
    action: 'patient.read',
    prepare: onPatient(
      (s) => `/api/console/patients/${s.paul.id}`,
      (s) => s.paul.id,
    ),
    status: 200,
  },
  'PUT /api/console/patients/:patientId': {
    action: 'patient.update',
    prepare: async (s) => ({
      url: `/api/console/patients/${s.jose.id}`,
      body: { ...fileBody(s.jose, s.phones.jose), city: 'Lyon' },
      patientId: s.jose.id,
    }),
    status: 200,
  },
  'GET /api/console/patients/:patientId/appointments': {
    action: 'patient.history',
    prepare: onPatient(
      (s) => `/api/console/patients/${s.paul.id}/appointments`,
      (s) => s.paul.id,
    ),
    status: 200,
  },
  'GET /api/console/patients/:patientId/documents': {
    action: 'document.list',
    prepare: onPatient(
      (s) => `/api/console/patients/${s.paul.id}/documents`,
      (s) => s.paul.id,
    ),
    status: 200,
  },
  'POST /api/console/patients/:patientId/documents': {
    action: 'document.create',
    prepare: async (s) => ({
      url: `/api/console/patients/${s.paul.id}/documents`,
      form: await s.documentForm('Devis audité'),
      patientId: s.paul.id,
    }),
    status: 201,
  },
  'GET /api/console/agenda': {
    action: 'agenda.read',
    prepare: async (s) => ({ url: `/api/console/agenda?${s.agendaWindow()}`, patientId: null }),
    status: 200,
  },
  'GET /api/console/app-users': {
    action: 'app_users.list',
    prepare: list('/api/console/app-users'),
    status: 200,
  },
  'POST /api/console/appointments': {
    action: 'appointment.create',
    prepare: async (s) => {
      const patient = await makePatient(s.db, s.practice.id);
      return { url: '/api/console/appointments', body: s.bookingBody(patient.id), patientId: patient.id };
    },
    status: 201,
  },
  'GET /api/console/appointments/:appointmentId': {
    action: 'appointment.read',
    prepare: onPatient(
      (s) => `/api/console/appointments/${s.appointment.id}`,
      (s) => s.paul.id,
    ),
    status: 200,
  },
  'PATCH /api/console/appointments/:appointmentId': {
    action: 'appointment.update',
    prepare: async (s) => {
      const booked = await s.book(s.paul.id);
      return {
        url: `/api/console/appointments/${booked.id}`,
        body: { comment: 'Audit' },
        patientId: s.paul.id,
      };
    },
    status: 200,
  },
  'DELETE /api/console/appointments/:appointmentId': {
    action: 'appointment.delete',
    prepare: async (s) => {
      const booked = await s.book(s.paul.id);
      return { url: `/api/console/appointments/${booked.id}`, patientId: s.paul.id };
    },
    status: 200,
  },
  'POST /api/console/appointments/:appointmentId/cancel': {
    action: 'appointment.cancel',
    prepare: async (s) => {
      const booked = await s.book(s.paul.id);
      return {
        url: `/api/console/appointments/${booked.id}/cancel`,
        body: { by: 'practice' },
        patientId: s.paul.id,
      };
    },
    status: 200,
  },
  'POST /api/console/appointments/:appointmentId/status': {
    action: 'appointment.status',
    prepare: async (s) => {
      const booked = await s.book(s.paul.id);
      return {
        url: `/api/console/appointments/${booked.id}/status`,
        body: { status: 'waiting_room' },
        patientId: s.paul.id,
      };
    },
    status: 200,
  },
  'POST /api/console/appointments/:appointmentId/undo': {
    action: 'appointment.undo_change',
    prepare: async (s) => {
      const booked = await s.book(s.paul.id);
      const moved = await s.clients.secretary.patch<{ version: number }>(
        `/api/console/appointments/${booked.id}`,
        {
          startsAt: s.nextSlot(),
          notifyPatient: false,
        },
      );
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
      const { startsAt, endsAt, practitionerId, locationId } = booked;
      return {
        url: `/api/console/appointments/${booked.id}/undo`,
        body: { version: moved.body.version, startsAt, endsAt, practitionerId, locationId },
        patientId: s.paul.id,
      };
    },
    status: 200,
  },
  'POST /api/console/absences': {
    action: 'appointment.cancel',
    // an absence may cancel the appointments it covers: each cancellation names its patient
    prepare: async (s) => {
      const patient = await makePatient(s.db, s.practice.id);
      const booked = await s.book(patient.id, s.staff.other.id);
      return { url: '/api/console/absences', body: s.absenceOver(booked, 'cancel'), patientId: patient.id };
    },
    status: 201,
    as: 'admin',
  },
  'PUT /api/console/absences/:id': {
    action: 'appointment.cancel',
    prepare: async (s) => {
      const created = await s.clients.admin.post<{ id: string }>(
        '/api/console/absences',
        s.absenceOn(s.nextSlot()),
      );
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const patient = await makePatient(s.db, s.practice.id);
      const booked = await s.book(patient.id, s.staff.other.id);
      return {
        url: `/api/console/absences/${created.body.id}`,
        body: s.absenceOver(booked, 'cancel'),
        patientId: patient.id,
      };
    },
    status: 200,
    as: 'admin',
  },
  'GET /api/console/change-requests': {
    action: 'change_request.list',
    prepare: list('/api/console/change-requests', (s) => s.changeRequest()),
    status: 200,
  },
  'POST /api/console/change-requests/:id/accept': {
    action: 'change_request.accept',
    prepare: async (s) => ({
      url: `/api/console/change-requests/${await s.changeRequest()}/accept`,
      body: {},
      patientId: s.paul.id,
    }),
    status: 200,
  },
  'POST /api/console/change-requests/:id/reject': {
    action: 'change_request.reject',
    prepare: async (s) => ({
      url: `/api/console/change-requests/${await s.changeRequest()}/reject`,
      body: { reason: 'Audit' },
      patientId: s.paul.id,
    }),
    status: 200,
  },
  'PATCH /api/console/documents/:id': {
    action: 'document.update',
    prepare: async (s) => ({
      url: `/api/console/documents/${(await s.upload()).id}`,
      body: { title: 'Renommé' },
      patientId: s.paul.id,
    }),
    status: 200,
  },
  'DELETE /api/console/documents/:id': {
    action: 'document.delete',
    prepare: async (s) => ({ url: `/api/console/documents/${(await s.upload()).id}`, patientId: s.paul.id }),
    status: 200,
  },
  'GET /api/console/documents/:id/file': {
    action: 'document.download',
    prepare: onPatient(
      (s) => `/api/console/documents/${s.document.id}/file`,
      (s) => s.paul.id,
    ),
    status: 200,
  },
  'GET /api/console/documents/:id/secure-links': {
    action: 'secure_link.list',
    prepare: onPatient(
      (s) => `/api/console/documents/${s.document.id}/secure-links`,
      (s) => s.paul.id,
    ),
    status: 200,
  },
  'POST /api/console/documents/:id/secure-links': {
    action: 'secure_link.create',
    prepare: async (s) => ({
      url: `/api/console/documents/${s.document.id}/secure-links`,
      body: { phone: s.phones.paul },
      patientId: s.paul.id,
    }),
    status: 201,
  },
  'POST /api/console/secure-links/:id/revoke': {
    action: 'secure_link.revoke',
    prepare: async (s) => {
      const link = await s.clients.secretary.post<{ id: string }>(
        `/api/console/documents/${s.document.id}/secure-links`,
        {
          phone: s.phones.paul,
        },
      );
      expect(link.status, JSON.stringify(link.body)).toBe(201);
      return { url: `/api/console/secure-links/${link.body.id}/revoke`, patientId: s.paul.id };
    },
    status: 200,
  },
  'GET /api/console/documents/:id/signature': {
    action: 'document.signature_read',
    prepare: onPatient(
      (s) => `/api/console/documents/${s.signed.id}/signature`,
      (s) => s.paul.id,
    ),
    status: 200,
  },
  'POST /api/console/documents/:id/signature/verify': {
    action: 'document.signature_verify',
    prepare: onPatient(
      (s) => `/api/console/documents/${s.signed.id}/signature/verify`,
      (s) => s.paul.id,
    ),
    status: 200,
  },
  'GET /api/console/signatures/pending': {
    action: 'document.list_pending',
    prepare: list('/api/console/signatures/pending', (s) => s.upload(true)),
    status: 200,
  },
  'GET /api/console/messages': {
    action: 'messages.inbox',
    prepare: list('/api/console/messages', (s) => s.patientAttachment()),
    status: 200,
  },
  'GET /api/console/messages/threads/:patientId': {
    action: 'messages.read',
    prepare: onPatient(
      (s) => `/api/console/messages/threads/${s.paul.id}`,
      (s) => s.paul.id,
    ),
    status: 200,
  },
  'POST /api/console/messages/threads/:patientId': {
    action: 'message.send',
    prepare: async (s) => ({
      url: `/api/console/messages/threads/${s.paul.id}`,
      form: formBody({ body: 'Bonjour' }),
      patientId: s.paul.id,
    }),
    status: 201,
  },
  'POST /api/console/messages/threads/:patientId/read': {
    action: 'messages.mark_read',
    // marking read is audited when there was something to mark: Paul writes first
    prepare: async (s) => {
      await s.patientAttachment();
      return { url: `/api/console/messages/threads/${s.paul.id}/read`, patientId: s.paul.id };
    },
    status: 200,
  },
  'GET /api/console/messages/attachments/:attachmentId': {
    action: 'message_attachment.read',
    prepare: async (s) => ({
      url: `/api/console/messages/attachments/${await s.patientAttachment()}`,
      patientId: s.paul.id,
    }),
    status: 200,
  },
  'POST /api/console/messages/attachments/:attachmentId/file': {
    action: 'message_attachment.file',
    prepare: async (s) => ({
      url: `/api/console/messages/attachments/${await s.patientAttachment()}/file`,
      body: { type: 'external_scanned' },
      patientId: s.paul.id,
    }),
    status: 201,
  },
  'GET /api/console/outbox': {
    action: 'outbox.list',
    prepare: list('/api/console/outbox'),
    status: 200,
  },
  'GET /api/console/waitlist': {
    action: 'waitlist.list',
    prepare: list('/api/console/waitlist', async (s) => {
      const patient = await makePatient(s.db, s.practice.id);
      const entry = await s.clients.secretary.post('/api/console/waitlist', s.waitlistBody(patient.id));
      expect(entry.status, JSON.stringify(entry.body)).toBe(201);
    }),
    status: 200,
  },
  'POST /api/console/waitlist': {
    action: 'waitlist.create',
    prepare: async (s) => {
      const patient = await makePatient(s.db, s.practice.id);
      return { url: '/api/console/waitlist', body: s.waitlistBody(patient.id), patientId: patient.id };
    },
    status: 201,
  },
  'POST /api/console/waitlist/:entryId/cancel': {
    action: 'waitlist.cancel',
    prepare: async (s) => {
      const patient = await makePatient(s.db, s.practice.id);
      const entry = await s.clients.secretary.post<{ id: string }>(
        '/api/console/waitlist',
        s.waitlistBody(patient.id),
      );
      expect(entry.status, JSON.stringify(entry.body)).toBe(201);
      return { url: `/api/console/waitlist/${entry.body.id}/cancel`, patientId: patient.id };
    },
    status: 200,
  },
};

const settings = 'practice settings, no patient data';
const ids =
  'a stream of change events carrying ids only; the data is read (and audited) through its own routes';
const counter = 'a count, no patient named';
const self = 'the signed-in member’s own session or account';

/** Staff routes that neither return nor change patient data, each with why. */
export const noPatientData: Record<string, string> = {
  'GET /api/console/absences': 'practitioners’ absences',
  'DELETE /api/console/absences/:id': 'removes an absence; frees time, touches no appointment',
  'GET /api/console/agenda/stream': ids,
  'GET /api/console/messages/stream': ids,
  'GET /api/console/change-requests/pending-count': counter,
  'GET /api/console/messages/unread-count': counter,
  'GET /api/console/slots': 'free slots of the agenda',
  'GET /api/console/practitioners': 'the practice’s practitioners',
  'GET /api/console/calendar-feeds':
    'which practitioners have a feed; the feed itself is read (and audited) by its token',
  'POST /api/console/calendar-feeds/:practitionerId': 'makes a practitioner’s feed address',
  'DELETE /api/console/calendar-feeds/:practitionerId': 'revokes a feed address',
  'PUT /api/console/calendar-feeds/settings': settings,
  'GET /api/console/locations': settings,
  'POST /api/console/locations': settings,
  'PATCH /api/console/locations/:id': settings,
  'DELETE /api/console/locations/:id': settings,
  'GET /api/console/motifs': settings,
  'POST /api/console/motifs': settings,
  'PATCH /api/console/motifs/:id': settings,
  'DELETE /api/console/motifs/:id': settings,
  'GET /api/console/opening-ranges': settings,
  'POST /api/console/opening-ranges': settings,
  'PUT /api/console/opening-ranges/:id': settings,
  'DELETE /api/console/opening-ranges/:id': settings,
  'GET /api/console/message-templates': 'the practice’s reply templates',
  'POST /api/console/message-templates': 'the practice’s reply templates',
  'PUT /api/console/message-templates/:templateId': 'the practice’s reply templates',
  'DELETE /api/console/message-templates/:templateId': 'the practice’s reply templates',
  'GET /api/console/message-templates/:templateId/attachment': 'a template’s file, written by the practice',
  'GET /api/console/settings/documents': settings,
  'PUT /api/console/settings/documents': settings,
  'GET /api/console/settings/modules': settings,
  'PUT /api/console/settings/modules': settings,
  'GET /api/console/settings/practice': settings,
  'PATCH /api/console/settings/practice': settings,
  'GET /api/console/staff': 'staff accounts',
  'PATCH /api/console/staff/:id': 'staff accounts',
  'DELETE /api/console/staff/:id': 'staff accounts',
  'DELETE /api/console/staff/:id/two-factor': 'staff accounts',
  'POST /api/console/staff/invitations': 'staff accounts',
  'GET /api/staff/me': self,
  'POST /api/staff/activity': self,
  'POST /api/staff/lock': self,
  'POST /api/staff/unlock': self,
  'POST /api/staff/sign-out': self,
  'POST /api/staff/mfa/enrolment': self,
  'POST /api/staff/mfa/enrolment/confirm': self,
  'POST /api/staff/mfa/disable': self,
  'POST /api/staff/password': self,
};

/** Refusals whose answer carries patient data: the read they make is audited although nothing is saved. */
export const refusals: Record<string, Refusal> = {
  'a new file like an existing one lists the look-alikes (CONFIRMATION_REQUIRED)': {
    route: 'POST /api/console/patients',
    prepare: async (s) => ({
      url: '/api/console/patients',
      body: fileBody(s.jose),
      patientIds: [s.jose.id],
    }),
    status: 409,
    code: 'CONFIRMATION_REQUIRED',
    action: 'patient.duplicates_shown',
  },
  'a file renamed like an existing one lists the look-alikes (CONFIRMATION_REQUIRED)': {
    route: 'PUT /api/console/patients/:patientId',
    prepare: async (s) => ({
      url: `/api/console/patients/${s.hugo.id}`,
      body: fileBody(s.jose),
      patientIds: [s.jose.id],
    }),
    status: 409,
    code: 'CONFIRMATION_REQUIRED',
    action: 'patient.duplicates_shown',
  },
  'accepting a new dependant like an existing child lists the look-alikes (CONFIRMATION_REQUIRED)': {
    route: 'POST /api/console/change-requests/:id/accept',
    prepare: async (s) => {
      const { requestId, twinId } = await s.duplicateDependantRequest();
      return { url: `/api/console/change-requests/${requestId}/accept`, body: {}, patientIds: [twinId] };
    },
    status: 409,
    code: 'CONFIRMATION_REQUIRED',
    action: 'patient.duplicates_shown',
  },
  'booking with another dentist than the patient’s own names the own dentist (CONFIRMATION_REQUIRED)': {
    route: 'POST /api/console/appointments',
    prepare: async (s) => {
      const patient = await makePatient(s.db, s.practice.id, { ownPractitionerId: s.staff.dentist.id });
      return {
        url: '/api/console/appointments',
        body: s.bookingBody(patient.id, s.staff.other.id),
        patientIds: [patient.id],
      };
    },
    status: 409,
    code: 'CONFIRMATION_REQUIRED',
    action: 'patient.own_practitioner_shown',
  },
  'a patient already waiting names their entry (ALREADY_EXISTS)': {
    route: 'POST /api/console/waitlist',
    prepare: async (s) => {
      const patient = await makePatient(s.db, s.practice.id);
      const body = s.waitlistBody(patient.id);
      const first = await s.clients.secretary.post('/api/console/waitlist', body);
      expect(first.status, JSON.stringify(first.body)).toBe(201);
      return { url: '/api/console/waitlist', body, patientIds: [patient.id] };
    },
    status: 409,
    code: 'ALREADY_EXISTS',
    action: 'waitlist.create_refused',
  },
  'moving to another dentist than the patient’s own names the own dentist (CONFIRMATION_REQUIRED)': {
    route: 'PATCH /api/console/appointments/:appointmentId',
    prepare: async (s) => {
      const booked = await s.book(s.paul.id);
      return {
        url: `/api/console/appointments/${booked.id}`,
        body: { practitionerId: s.staff.other.id },
        patientIds: [s.paul.id],
      };
    },
    status: 409,
    code: 'CONFIRMATION_REQUIRED',
    action: 'patient.own_practitioner_shown',
  },
  'an absence over appointments lists them with their patients (CONFIRMATION_REQUIRED)': {
    route: 'POST /api/console/absences',
    as: 'admin',
    prepare: async (s) => {
      const patient = await makePatient(s.db, s.practice.id);
      const booked = await s.book(patient.id, s.staff.other.id);
      return { url: '/api/console/absences', body: s.absenceOver(booked), patientIds: [patient.id] };
    },
    status: 409,
    code: 'CONFIRMATION_REQUIRED',
    action: 'settings.absence.covered_read',
  },
  'an absence moved over appointments lists them with their patients (CONFIRMATION_REQUIRED)': {
    route: 'PUT /api/console/absences/:id',
    as: 'admin',
    prepare: async (s) => {
      const created = await s.clients.admin.post<{ id: string }>(
        '/api/console/absences',
        s.absenceOn(s.nextSlot()),
      );
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const patient = await makePatient(s.db, s.practice.id);
      const booked = await s.book(patient.id, s.staff.other.id);
      return {
        url: `/api/console/absences/${created.body.id}`,
        body: s.absenceOver(booked),
        patientIds: [patient.id],
      };
    },
    status: 409,
    code: 'CONFIRMATION_REQUIRED',
    action: 'settings.absence.covered_read',
  },
};
