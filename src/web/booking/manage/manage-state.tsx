import type { BookedAppointment } from '../../../contracts/booking';
import { Alert } from '../../shared/ui/alert';
import { dayLabel, localDate, localTime } from '../format';
import { useI18n } from '../i18n';
import { CallPractice } from '../ui/contact-links';

/** Why the appointment can no longer be changed online: cancelled, past, or after the cutoff. */
export function ManageState({ appointment }: { appointment: BookedAppointment }) {
  const { t, lang } = useI18n();
  const bookAgain = (
    <a href={`/rdv/${encodeURIComponent(appointment.practice.slug)}`}>{t('manage.bookAgain')}</a>
  );
  if (appointment.cancelled) {
    return (
      <Alert tone="info">
        <p className="alert__text">
          <strong>{t('manage.isCancelled')}</strong>
        </p>
        {bookAgain}
      </Alert>
    );
  }
  if (Date.parse(appointment.startsAt) <= Date.now()) {
    return (
      <Alert tone="info">
        <p className="alert__text">
          <strong>{t('manage.isPast')}</strong>
        </p>
        {bookAgain}
      </Alert>
    );
  }
  if (!appointment.canChange) {
    const { timeZone } = appointment.practice;
    return (
      <Alert tone="info">
        <p className="alert__text">
          {appointment.changeableUntil
            ? t('manage.tooLateSince', {
                day: dayLabel(localDate(appointment.changeableUntil, timeZone), lang, { capital: false }),
                time: localTime(appointment.changeableUntil, timeZone),
              })
            : t('manage.tooLate')}
        </p>
        <CallPractice phone={appointment.practice.phone} />
      </Alert>
    );
  }
  return null;
}
