import type { BookedAppointment } from '../../../contracts/booking';
import type { AppDeps } from '../../context';
import { AppError } from '../../errors';
import { type AppointmentRows, loadNoticeFacts } from '../notifications/appointment-notices';
import { manageToken } from '../notifications/manage-token';
import { mapLinkFor } from '../practice/public-practice';

/**
 * The rows an appointment's view is made of (one join: see `loadNoticeFacts`).
 * @public
 */
export type BookedFacts = AppointmentRows;

/**
 * An appointment as its patient sees it on the confirmation and manage pages (BOOK-4): what, when,
 * with whom, where, and until when it can be moved or cancelled online.
 * @public
 */
export async function bookedView(deps: AppDeps, appointmentId: string): Promise<BookedAppointment> {
  const facts = await loadNoticeFacts(deps.db, appointmentId);
  if (!facts || facts.appointment.deletedAt) throw AppError.notFound();
  return bookedAppointmentOf(deps, facts);
}

/**
 * The patient's view of already loaded rows (lists load many in one query).
 * @public
 */
export function bookedAppointmentOf(deps: AppDeps, facts: BookedFacts): BookedAppointment {
  const { appointment, practice, practitioner, location, motif, patient } = facts;
  const now = deps.clock.now().getTime();
  const changeableUntil = appointment.startsAt.getTime() - practice.cancellationCutoffHours * 3600_000;
  const address = `${location.addressLine}, ${location.postalCode} ${location.city}`;
  return {
    id: appointment.id,
    manageToken: manageToken(deps.config.sessionSecret, appointment.id),
    status: appointment.status,
    cancelled: !!appointment.cancelledAt,
    startsAt: appointment.startsAt.toISOString(),
    endsAt: appointment.endsAt.toISOString(),
    durationMinutes: Math.round((appointment.endsAt.getTime() - appointment.startsAt.getTime()) / 60_000),
    motif: { id: motif.id, name: motif.name, instructionsAfter: motif.instructionsAfter },
    practitioner: {
      id: practitioner.id,
      title: practitioner.title,
      firstName: practitioner.firstName,
      lastName: practitioner.lastName,
      speciality: practitioner.speciality,
    },
    location: { name: location.name, address, mapUrl: location.mapUrl ?? mapLinkFor(address) },
    patient: { firstName: patient.firstName, lastName: patient.lastName },
    practice: {
      name: practice.name,
      slug: practice.slug,
      phone: practice.phone,
      timeZone: practice.timeZone,
    },
    changeableUntil: appointment.cancelledAt ? null : new Date(changeableUntil).toISOString(),
    canChange: !appointment.cancelledAt && now < changeableUntil && appointment.startsAt.getTime() > now,
  };
}
