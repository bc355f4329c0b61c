import { enc } from '../booking-api';
import { useI18n } from '../i18n';

/** "Ajouter à mon agenda": the appointment as an .ics file, which phones open in their calendar. */
export function CalendarLink({ manageToken }: { manageToken: string }) {
  const { t } = useI18n();
  return (
    <a
      className="button button--secondary button-link"
      href={`/api/public/appointments/${enc(manageToken)}/calendar.ics`}
      download="rendez-vous.ics"
    >
      {t('appointment.addToCalendar')}
    </a>
  );
}
