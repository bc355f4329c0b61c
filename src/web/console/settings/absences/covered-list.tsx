import type { CoveredAppointment } from '../../../../contracts/settings';
import { Button } from '../../../shared/ui/button';
import { useI18n } from '../../i18n';

/**
 * Before an absence over booked appointments is saved (issue 9 §1.7): the appointments it covers, and
 * the two deliberate choices — cancel them and tell each patient, or keep them.
 */
export function CoveredList({
  appointments,
  timeZone,
  busy,
  onDecide,
}: {
  appointments: CoveredAppointment[];
  timeZone: string;
  busy: boolean;
  onDecide: (decision: 'cancel' | 'keep') => void;
}) {
  const { t, lang } = useI18n();
  const when = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fr-FR', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
  return (
    <section className="covered" role="alert" aria-labelledby="covered-title">
      <h3 id="covered-title" className="covered__title">
        {t('settings.absences.covered', { count: appointments.length })}
      </h3>
      <ul className="covered__list">
        {appointments.map((appointment) => (
          <li key={appointment.id}>
            <strong>{when.format(new Date(appointment.startsAt))}</strong> · {appointment.patientName} ·{' '}
            {appointment.motifName}
          </li>
        ))}
      </ul>
      <div className="covered__actions">
        <Button onClick={() => onDecide('cancel')} disabled={busy}>
          {t('settings.absences.coveredCancel')}
        </Button>
        <Button variant="secondary" onClick={() => onDecide('keep')} disabled={busy}>
          {t('settings.absences.coveredKeep')}
        </Button>
      </div>
    </section>
  );
}
