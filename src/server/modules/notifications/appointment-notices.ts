import { eq } from 'drizzle-orm';
import type { Lang } from '../../../contracts/i18n/lang';
import { formatPhone } from '../../../domain/phone';
import type { AppDeps, Ctx } from '../../context';
import type { Db } from '../../db/client';
import { appointments, locations, motifs, patients, practices, staff } from '../../db/schema';
import {
  type AppointmentFacts,
  appointmentNotice,
  type NoticeEvent,
} from '../../messages/appointment-templates';
import { enqueueMessage } from '../outbox/enqueue-message';
import { mapLinkFor } from '../practice/public-practice';
import { calendarFile } from './calendar-file';
import { manageToken } from './manage-token';
import { patientContacts } from './patient-contacts';

/**
 * Everything a notice needs, in one query (and one for a dependant's responsable).
 * @public
 */
export async function loadNoticeFacts(db: Db, appointmentId: string): Promise<NoticeFacts | null> {
  const [row] = await db
    .select({
      appointment: appointments,
      patient: patients,
      motif: motifs,
      practitioner: staff,
      location: locations,
      practice: practices,
    })
    .from(appointments)
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .innerJoin(motifs, eq(motifs.id, appointments.motifId))
    .innerJoin(staff, eq(staff.id, appointments.practitionerId))
    .innerJoin(locations, eq(locations.id, appointments.locationId))
    .innerJoin(practices, eq(practices.id, appointments.practiceId))
    .where(eq(appointments.id, appointmentId));
  return row ? noticeFactsOf(db, row) : null;
}

/**
 * The rows an appointment's notices and views are made of.
 * @public
 */
export interface AppointmentRows {
  appointment: typeof appointments.$inferSelect;
  patient: typeof patients.$inferSelect;
  motif: typeof motifs.$inferSelect;
  practitioner: typeof staff.$inferSelect;
  location: typeof locations.$inferSelect;
  practice: typeof practices.$inferSelect;
}

/** @public */
export type NoticeFacts = AppointmentRows & { phone: string | null; email: string | null };

/**
 * The facts of rows already in memory (a use case that just wrote the appointment): where to reach the
 * patient, with the contact fallback of a dependant (a query only when the patient lacks a contact).
 * @public
 */
export async function noticeFactsOf(db: Db, rows: AppointmentRows): Promise<NoticeFacts> {
  const contact = (await patientContacts({ db }, [rows.patient])).get(rows.patient.id);
  return { ...rows, phone: contact?.phone ?? null, email: contact?.email ?? null };
}

type Facts = NoticeFacts;

/**
 * The facts as the patient reads them, in the practice's zone and the patient's language.
 * @public
 */
export function describeAppointment(deps: AppDeps, facts: Facts, lang: Lang): AppointmentFacts {
  const { appointment, practice, practitioner, location, motif, patient } = facts;
  const locale = lang === 'en' ? 'en-GB' : 'fr-FR';
  const address = `${location.addressLine}, ${location.postalCode} ${location.city}`;
  return {
    practice: practice.name,
    practicePhone: practice.phone ? formatPhone(practice.phone, practice.country) : '',
    practitioner: [practitioner.title, practitioner.firstName, practitioner.lastName]
      .filter(Boolean)
      .join(' '),
    speciality: practitioner.speciality,
    date: new Intl.DateTimeFormat(locale, {
      timeZone: practice.timeZone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }).format(appointment.startsAt),
    time: new Intl.DateTimeFormat(locale, {
      timeZone: practice.timeZone,
      hour: '2-digit',
      minute: '2-digit',
    }).format(appointment.startsAt),
    minutes: Math.round((appointment.endsAt.getTime() - appointment.startsAt.getTime()) / 60_000),
    motif: motif.name,
    address,
    mapUrl: location.mapUrl ?? mapLinkFor(address),
    instructionsAfter: motif.instructionsAfter,
    manageUrl: appointment.cancelledAt
      ? null
      : `${deps.config.publicUrl}/rdv/gerer/${manageToken(deps.config.sessionSecret, appointment.id)}`,
    bookingUrl: `${deps.config.publicUrl}/rdv/${practice.slug}`,
    patient: `${patient.firstName} ${patient.lastName}`,
  };
}

/**
 * The .ics of an appointment (updated or cancelled by its sequence).
 * @public
 */
export function appointmentCalendar(deps: AppDeps, facts: Facts, lang: Lang): string {
  const described = describeAppointment(deps, facts, lang);
  return calendarFile({
    uid: `${facts.appointment.id}@sourire`,
    sequence: facts.appointment.version,
    start: facts.appointment.startsAt,
    end: facts.appointment.endsAt,
    title: `${lang === 'en' ? 'Dental appointment' : 'Rendez-vous dentaire'} – ${described.practitioner}`,
    description: [described.motif, described.practice, described.practicePhone, described.manageUrl ?? '']
      .filter(Boolean)
      .join('\n'),
    location: described.address,
    ...(described.manageUrl ? { url: described.manageUrl } : {}),
    cancelled: !!facts.appointment.cancelledAt,
  });
}

/**
 * Queues the SMS and email of an appointment event (NOT-1, NOT-3), as the patient prefers, in their
 * language, email with the .ics. Nothing for a past appointment or a motif whose notifications are off;
 * one idempotency key per appointment, event, version and channel, so retries and concurrent servers
 * never send twice. Call it in the transaction of the change.
 * @public
 */
export async function queueAppointmentNotice(
  ctx: Ctx,
  appointmentId: string,
  event: NoticeEvent,
): Promise<number> {
  const facts = await loadNoticeFacts(ctx.db, appointmentId);
  return facts ? queueNoticeOf(ctx, facts, event) : 0;
}

/**
 * `queueAppointmentNotice` of facts already loaded (or just written) in the transaction.
 * @public
 */
export async function queueNoticeOf(ctx: Ctx, facts: NoticeFacts, event: NoticeEvent): Promise<number> {
  const { appointment, motif, patient } = facts;
  if (!motif.notificationsEnabled || appointment.deletedAt) return 0;
  if (appointment.startsAt.getTime() <= ctx.now.getTime()) return 0;
  if (appointment.cancelledAt && event !== 'cancelled_by_practice' && event !== 'cancelled_by_patient')
    return 0;
  const lang = patient.lang;
  const notice = appointmentNotice(lang, event, describeAppointment(ctx.deps, facts, lang));
  const wantsSms = patient.notificationChannel !== 'email' || !facts.email;
  const wantsEmail = patient.notificationChannel !== 'sms' || !facts.phone;
  const key = (channel: string) => `appt:${appointment.id}:${event}:v${appointment.version}:${channel}`;
  let queued = 0;
  if (wantsSms && facts.phone) {
    const id = await enqueueMessage(
      ctx.db,
      {
        practiceId: appointment.practiceId,
        channel: 'sms',
        recipient: facts.phone,
        kind: `appointment_${event}`,
        body: notice.sms,
        sensitive: true,
        patientId: patient.id,
        appointmentId: appointment.id,
        idempotencyKey: key('sms'),
      },
      ctx.now,
    );
    if (id) queued += 1;
  }
  if (wantsEmail && facts.email) {
    const id = await enqueueMessage(
      ctx.db,
      {
        practiceId: appointment.practiceId,
        channel: 'email',
        recipient: facts.email,
        kind: `appointment_${event}`,
        subject: notice.subject,
        body: notice.text,
        attachments: [
          {
            filename: 'rendez-vous.ics',
            contentType: 'text/calendar; charset=utf-8',
            content: Buffer.from(appointmentCalendar(ctx.deps, facts, lang)).toString('base64'),
          },
        ],
        sensitive: true,
        patientId: patient.id,
        appointmentId: appointment.id,
        idempotencyKey: key('email'),
      },
      ctx.now,
    );
    if (id) queued += 1;
  }
  if (queued > 0) ctx.deps.kickOutbox();
  return queued;
}
