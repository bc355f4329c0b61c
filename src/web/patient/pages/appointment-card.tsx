import { useState } from 'react';
import type { PatientAppointment } from '../../../contracts/patient-app';
import { Button } from '../../shared/ui/button';
import { rememberAddedToCalendar, wasAddedToCalendar } from '../calendar-memory';
import { dayLabel, fullName, timeLabel } from '../format';
import { useI18n } from '../i18n';
import type { PatientKey } from '../i18n/fr';
import { useOfflineReadOnly } from '../pwa/offline';
import { CallPractice, MapLink } from '../ui/contact-links';
import { CarteVitaleWarning } from './carte-vitale-warning';

/** The id of a card's heading, to bring the focus back to the card (after "keep the current time"). */
export const appointmentHeadingId = (id: string) => `appt-${id}`;

function statusKey(appointment: PatientAppointment): PatientKey {
  if (appointment.cancelled || appointment.status === 'cancelled') return 'status.cancelled';
  switch (appointment.status) {
    case 'seen':
      return 'status.seen';
    case 'excused':
      return 'status.excused';
    case 'not_excused':
      return 'status.notExcused';
    case 'waiting_room':
      return 'status.waitingRoom';
    default:
      return appointment.past ? 'status.past' : 'status.upcoming';
  }
}

/**
 * One appointment (APP-3): when, with whom, where, why and for whom; the Carte Vitale warning; add to my
 * calendar (.ics, "already added" remembered on the phone), directions, and move or cancel within the
 * practice's rules (after the cutoff: the phone to call).
 */
export function AppointmentCard({
  appointment,
  withStatus,
  onMove,
  onCancel,
}: {
  appointment: PatientAppointment;
  withStatus: boolean;
  onMove: () => void;
  onCancel: () => void;
}) {
  const { t, lang } = useI18n();
  const offline = useOfflineReadOnly();
  const headingId = appointmentHeadingId(appointment.id);
  const [added, setAdded] = useState(() => wasAddedToCalendar(appointment));
  const [justAdded, setJustAdded] = useState(false);
  const { timeZone } = appointment.practice;
  const live = !appointment.cancelled && !appointment.past;
  const calendarUrl = `/api/public/appointments/${encodeURIComponent(appointment.manageToken)}/calendar.ics`;
  const { location } = appointment;

  return (
    <article className="card appt" aria-labelledby={headingId}>
      <h2 id={headingId} className="appt__when" tabIndex={-1}>
        {t('appointment.when', {
          day: dayLabel(appointment.startsAt, timeZone, lang, withStatus ? { year: true } : {}),
          time: timeLabel(appointment.startsAt, timeZone, lang),
        })}
      </h2>
      {withStatus ? (
        <p className={`badge appt__status${appointment.cancelled ? ' badge--cancelled' : ''}`}>
          {t(statusKey(appointment))}
        </p>
      ) : null}
      <dl className="appt__facts">
        <div>
          <dt>{t('appointment.practitioner')}</dt>
          <dd>{fullName(appointment.practitioner)}</dd>
        </div>
        <div>
          <dt>{t('appointment.motif')}</dt>
          <dd>{appointment.motif.name}</dd>
        </div>
        <div>
          <dt>{t('appointment.location')}</dt>
          <dd>
            {location.name}
            <br />
            <span className="muted small">{location.address}</span>
          </dd>
        </div>
        <div>
          <dt>{t('appointment.patient')}</dt>
          <dd>{fullName(appointment.patient)}</dd>
        </div>
      </dl>
      {appointment.carteVitaleToRead ? <CarteVitaleWarning /> : null}
      {live ? (
        <>
          <div className="appt__actions">
            {offline ? (
              <Button variant="secondary" disabled>
                {t('appointment.addToCalendar')}
              </Button>
            ) : (
              <a
                className="button button--secondary link-button"
                href={calendarUrl}
                download="rendez-vous.ics"
                onClick={() => {
                  rememberAddedToCalendar(appointment);
                  setAdded(true);
                  setJustAdded(true);
                }}
              >
                {t('appointment.addToCalendar')}
              </a>
            )}
            <MapLink href={location.mapUrl} address={location.address} />
            {appointment.canChange ? (
              <>
                <Button variant="secondary" disabled={offline} onClick={onMove}>
                  {t('appointment.move')}
                </Button>
                <Button
                  variant="secondary"
                  className="button--danger-outline"
                  disabled={offline}
                  onClick={onCancel}
                >
                  {t('appointment.cancel')}
                </Button>
              </>
            ) : null}
          </div>
          <div aria-live="polite">
            {justAdded ? <p className="appt__added">{t('appointment.added')}</p> : null}
            {added && !justAdded ? <p className="muted small">{t('appointment.alreadyAdded')}</p> : null}
          </div>
          {appointment.canChange && appointment.changeableUntil ? (
            <p className="muted small">
              {t('appointment.changeableUntil', {
                day: dayLabel(appointment.changeableUntil, timeZone, lang, { capital: false }),
                time: timeLabel(appointment.changeableUntil, timeZone, lang),
              })}
            </p>
          ) : null}
          {appointment.canChange ? null : (
            <div className="appt__locked">
              <p className="small">{t('appointment.locked')}</p>
              <CallPractice phone={appointment.practice.phone} />
            </div>
          )}
        </>
      ) : null}
    </article>
  );
}
