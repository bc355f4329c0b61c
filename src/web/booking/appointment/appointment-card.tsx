import type { BookedAppointment } from '../../../contracts/booking';
import { dayLabel, localDate, localTime } from '../format';
import { useI18n } from '../i18n';
import { AppointmentDetails, factsOfBooked } from './appointment-details';
import { CalendarLink } from './calendar-link';
import { ManageLinkBox } from './manage-link-box';

/**
 * A booked appointment as the confirmation and the manage page show it: details, instructions to read
 * after booking, "add to my calendar", until when it can be changed online, and the manage link.
 */
export function AppointmentCard({
  appointment,
  withManageLink = true,
}: {
  appointment: BookedAppointment;
  withManageLink?: boolean;
}) {
  const { t, lang } = useI18n();
  const { timeZone } = appointment.practice;
  const live = !appointment.cancelled && Date.parse(appointment.endsAt) > Date.now();
  return (
    <div className="card appointment-card">
      <AppointmentDetails facts={factsOfBooked(appointment)} struck={appointment.cancelled} />
      {live && appointment.motif.instructionsAfter ? (
        <section className="instructions" aria-labelledby="after-title">
          <h3 id="after-title">{t('appointment.instructionsAfter')}</h3>
          <p className="instructions__text">{appointment.motif.instructionsAfter}</p>
        </section>
      ) : null}
      {live ? (
        <div className="inline-actions">
          <CalendarLink manageToken={appointment.manageToken} />
        </div>
      ) : null}
      {live && appointment.canChange && appointment.changeableUntil ? (
        <p className="small muted">
          {t('appointment.changeableUntil', {
            day: dayLabel(localDate(appointment.changeableUntil, timeZone), lang, { capital: false }),
            time: localTime(appointment.changeableUntil, timeZone),
          })}
        </p>
      ) : null}
      {live && withManageLink ? <ManageLinkBox manageToken={appointment.manageToken} /> : null}
    </div>
  );
}
