import type { PatientAppointment } from '../../../contracts/patient-app';
import type { AppDeps } from '../../context';
import { type BookedFacts, bookedAppointmentOf } from '../booking/booked-view';

/** An appointment in the app: the manage-page view, whom it is for, the Carte Vitale warning (RDV-9). */
export function patientAppointmentOf(deps: AppDeps, facts: BookedFacts): PatientAppointment {
  const now = deps.clock.now().getTime();
  const { appointment } = facts;
  const live = !appointment.cancelledAt && !appointment.deletedAt;
  return {
    ...bookedAppointmentOf(deps, facts),
    patientId: appointment.patientId,
    carteVitaleToRead: appointment.carteVitale && live && appointment.endsAt.getTime() > now,
    past: appointment.startsAt.getTime() <= now,
  };
}
