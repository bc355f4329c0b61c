import type { BookedAppointment } from '../../../contracts/booking';
import type { Offer } from '../../../contracts/waitlist';
import { dayLabel, fullName, localDate, localTime } from '../format';
import { useI18n } from '../i18n';
import { MapLink } from '../ui/contact-links';

/** What a patient needs to know of an appointment (BOOK-4), whether booked or offered. */
export interface AppointmentFacts {
  startsAt: string;
  endsAt: string;
  motif: string;
  practitioner: { title: string | null; firstName: string; lastName: string; speciality: string | null };
  location: { name: string; address: string; mapUrl: string };
  patient: string | null;
  timeZone: string;
}

export const factsOfBooked = (appointment: BookedAppointment): AppointmentFacts => ({
  startsAt: appointment.startsAt,
  endsAt: appointment.endsAt,
  motif: appointment.motif.name,
  practitioner: appointment.practitioner,
  location: appointment.location,
  patient: `${appointment.patient.firstName} ${appointment.patient.lastName}`,
  timeZone: appointment.practice.timeZone,
});

export const factsOfOffer = (offer: Offer): AppointmentFacts => ({
  startsAt: offer.startsAt,
  endsAt: offer.endsAt,
  motif: offer.motif.name,
  practitioner: offer.practitioner,
  location: offer.location,
  patient: offer.patient.firstName,
  timeZone: offer.practice.timeZone,
});

/**
 * Date, time and duration, practitioner (name, speciality), motif, place with directions, patient —
 * all in the practice's time zone.
 */
export function AppointmentDetails({ facts, struck = false }: { facts: AppointmentFacts; struck?: boolean }) {
  const { t, lang } = useI18n();
  const minutes = Math.round((Date.parse(facts.endsAt) - Date.parse(facts.startsAt)) / 60_000);
  return (
    <div className={`appointment${struck ? ' appointment--struck' : ''}`}>
      <p className="appointment__when">
        <span className="appointment__day">
          {dayLabel(localDate(facts.startsAt, facts.timeZone), lang, { year: true })}
        </span>
        <span className="appointment__time">
          {t('appointment.timeAndDuration', {
            time: localTime(facts.startsAt, facts.timeZone),
            minutes,
          })}
        </span>
      </p>
      <dl className="facts">
        <div>
          <dt>{t('facts.practitioner')}</dt>
          <dd>
            {fullName(facts.practitioner)}
            {facts.practitioner.speciality ? (
              <span className="facts__sub">{facts.practitioner.speciality}</span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t('facts.motif')}</dt>
          <dd>{facts.motif}</dd>
        </div>
        <div>
          <dt>{t('facts.place')}</dt>
          <dd>
            {facts.location.name}
            <span className="facts__sub">{facts.location.address}</span>
            <MapLink href={facts.location.mapUrl} address={facts.location.address} />
          </dd>
        </div>
        {facts.patient ? (
          <div>
            <dt>{t('facts.patient')}</dt>
            <dd>{facts.patient}</dd>
          </div>
        ) : null}
      </dl>
    </div>
  );
}
