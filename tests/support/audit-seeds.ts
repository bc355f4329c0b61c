import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { practices } from '../../src/server/db/schema';
import { staffClient, type TestClient } from './client';
import { makePdf, multipartBody, uploadDocument } from './documents';
import {
  lastCodeSentTo,
  linkResponsable,
  makePatient,
  makeSchedulingPractice,
  nextWeekdayAt,
  testPassword,
} from './factories';
import { makeFamily, patientClient } from './patient-session';
import type { TestApp } from './test-app';

/** Who calls a staff route in the audit-coverage test. */
export type Caller = 'secretary' | 'admin' | 'dentist' | 'other';

export interface Booked {
  id: string;
  startsAt: string;
  endsAt: string;
  practitionerId: string;
  locationId: string;
}

const dayMs = 86_400_000;
const zone = 'Europe/Paris';

/** A local day and time of the practice's zone (the seeded practice is in Paris). */
export function localDayAndTime(at: Date): { day: string; time: string } {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(at);
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  return { day, time };
}

/** A multipart form as the console's message box sends it: text fields, then files in `files`. */
export function formBody(
  fields: Record<string, string>,
  files: { name: string; content: Buffer; type: string }[] = [],
): { payload: Buffer; contentType: string } {
  const boundary = `----sourire-audit-${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  for (const file of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="files"; filename="${file.name}"\r\n` +
          `content-type: ${file.type}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

const jpeg = () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(3_000)]);

/**
 * One practice for the whole audit-coverage file: two dentists, a secretary and an admin signed in, the
 * Durand family with Paul signed in to the app, an appointment, a shared document and a signed one. Each
 * helper creates what a call consumes (an appointment to cancel, a request to accept…), so the calls can
 * run in any order.
 */
export async function seedAuditPractice(t: TestApp) {
  const db = t.deps.db;
  const s = await makeSchedulingPractice(db);
  await db.update(practices).set({ closedOnPublicHolidays: false }).where(eq(practices.id, s.practice.id));
  const family = await makeFamily(db, s.practice);
  const members = { secretary: s.secretary, admin: s.admin, dentist: s.dentist, other: s.other };
  const clients = {} as Record<Caller, TestClient>;
  for (const [caller, member] of Object.entries(members)) {
    clients[caller as Caller] = await staffClient(t.app, member.email, testPassword);
  }
  const ids = Object.fromEntries(
    Object.entries(members).map(([caller, member]) => [caller, member.id]),
  ) as Record<Caller, string>;
  const paulApp = await patientClient(t.app, db, family.identities.paul);

  const used = new Set<string>();
  let counter = 0;
  /** A free half hour inside the dentists' opening ranges (09:00–12:00, Monday–Friday), never used twice. */
  const nextSlot = (): string => {
    for (;;) {
      const slot = nextWeekdayAt(
        9 + Math.floor((counter % 6) / 2),
        (counter % 2) * 30,
        2 + Math.floor(counter / 6),
      );
      counter += 1;
      if (!used.has(slot)) {
        used.add(slot);
        return slot;
      }
    }
  };
  const bookingBody = (patientId: string, practitionerId: string = s.dentist.id) => ({
    practitionerId,
    locationId: s.location.id,
    motifId: s.motif.id,
    patientId,
    startsAt: nextSlot(),
  });
  const book = async (patientId: string, practitionerId: string = s.dentist.id): Promise<Booked> => {
    const answer = await clients.secretary.post<Booked>(
      '/api/console/appointments',
      bookingBody(patientId, practitionerId),
    );
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body;
  };

  const documentForm = async (title: string, requiresSignature = false, type = 'quote') =>
    multipartBody(
      { type, title, requiresSignature: String(requiresSignature) },
      { name: 'document.pdf', bytes: await makePdf(title) },
    );
  const upload = async (title = 'Devis', requiresSignature = false, type = 'quote') => {
    const answer = await uploadDocument(
      t.app,
      clients.secretary,
      family.paul.id,
      { type, title, requiresSignature: String(requiresSignature) },
      { name: 'document.pdf', bytes: await makePdf(title) },
    );
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body;
  };

  const appointment = await book(family.paul.id);
  const document = await upload('Devis couronne');
  const signed = await upload('Consentement implant', true, 'informed_consent');
  const challenge = await paulApp.post<{ challengeId: string }>(
    `/api/patient/documents/${signed.id}/signature/code`,
  );
  expect(challenge.status, JSON.stringify(challenge.body)).toBe(200);
  const signature = await paulApp.post(`/api/patient/documents/${signed.id}/signature`, {
    challengeId: challenge.body.challengeId,
    code: await lastCodeSentTo(db, family.phones.paul),
  });
  expect(signature.status, JSON.stringify(signature.body)).toBe(200);

  /** A one-off absence of the second dentist over one half hour (`coveredAppointments` as given). */
  const absence = (startsAt: string, endsAt: string, coveredAppointments?: 'cancel' | 'keep') => {
    const start = localDayAndTime(new Date(startsAt));
    const end = localDayAndTime(new Date(endsAt));
    return {
      practitionerId: s.other.id,
      title: 'Congrès',
      oneOff: { startDay: start.day, startTime: start.time, endDay: end.day, endTime: end.time },
      recurring: null,
      ...(coveredAppointments ? { coveredAppointments } : {}),
    };
  };

  return {
    db,

    location: s.location,
    motif: s.motif,
    staff: members,
    clients,
    ids,
    ...family,
    paulApp,
    appointment,
    document,
    signed,
    nextSlot,
    bookingBody,
    book,
    documentForm: (title: string) => documentForm(title),
    /** A document for Paul (waiting for his signature when `requiresSignature`). */
    upload: (requiresSignature = false) =>
      upload(
        requiresSignature ? 'Consentement' : 'Devis',
        requiresSignature,
        requiresSignature ? 'informed_consent' : 'quote',
      ),
    agendaWindow: () => {
      const from = new Date(t.clock.now().getTime() - dayMs).toISOString();
      const to = new Date(t.clock.now().getTime() + 30 * dayMs).toISOString();
      return `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
    },
    absenceOver: (booked: Booked, decision?: 'cancel' | 'keep') =>
      absence(booked.startsAt, booked.endsAt, decision),
    absenceOn: (startsAt: string) =>
      absence(startsAt, new Date(new Date(startsAt).getTime() + 30 * 60_000).toISOString()),
    /** Paul asks to change his city in the app: the request's id. */
    changeRequest: async () => {
      const asked = await paulApp.post<{ id: string }>(
        `/api/patient/patients/${family.paul.id}/change-requests`,
        {
          city: `Ville ${randomBytes(2).toString('hex')}`,
        },
      );
      expect(asked.status, JSON.stringify(asked.body)).toBe(201);
      return asked.body.id;
    },
    /** Marie asks to add a child Paul already has on file: the request and the existing child. */
    duplicateDependantRequest: async () => {
      const twin = await makePatient(db, s.practice.id, {
        lastName: 'Durand',
        firstName: 'Tom',
        birthDate: '2019-04-01',
        mobilePhone: null,
      });
      await linkResponsable(db, s.practice.id, twin.id, family.paul.id, 'parent1');
      const marieApp = await patientClient(t.app, db, family.identities.marie);
      const asked = await marieApp.post<{ id: string }>('/api/patient/dependant-requests', {
        lastName: 'Durand',
        firstName: 'Tom',
        birthDate: '2019-04-01',
      });
      expect(asked.status, JSON.stringify(asked.body)).toBe(201);
      return { requestId: asked.body.id, twinId: twin.id };
    },
    /** Paul sends a photo in his thread: the attachment's id. */
    patientAttachment: async () => {
      const form = formBody({ body: 'Ma dent' }, [{ name: 'dent.jpg', content: jpeg(), type: 'image/jpeg' }]);
      const sent = await paulApp.request<{ attachments: { id: string }[] }>(
        'POST',
        `/api/patient/messages/threads/${family.paul.id}`,
        form.payload,
        { 'content-type': form.contentType },
      );
      expect(sent.status, JSON.stringify(sent.body)).toBe(201);
      return sent.body.attachments[0]?.id ?? '';
    },
    waitlistBody: (patientId: string) => {
      const now = t.clock.now().getTime();
      return {
        patientId,
        motifId: s.motif.id,
        fromDay: localDayAndTime(new Date(now)).day,
        toDay: localDayAndTime(new Date(now + 30 * dayMs)).day,
      };
    },
  };
}

export type AuditSeeds = Awaited<ReturnType<typeof seedAuditPractice>>;
