import { useState } from 'react';
import type { BookedAppointment } from '../../../contracts/booking';
import type { PatientAppointment } from '../../../contracts/patient-app';
import { api } from '../../shared/api';
import { Button } from '../../shared/ui/button';
import { Dialog } from '../../shared/ui/dialog';
import { someoneElse } from '../audience';
import { dayLabel, forPerson, fullName, timeLabel } from '../format';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { RefusalAlert } from '../ui/refusal-alert';

/**
 * "Annuler le rendez-vous ?": said with its date, confirmed on purpose (the safe choice has the focus);
 * after the practice's cutoff the API refuses and the dialog gives the phone to call. On a family phone,
 * another member's appointment is named: "Annuler le rendez-vous de Léa ?" (issue 9 §3.16).
 */
export function CancelDialog({
  appointment,
  onClose,
  onCancelled,
}: {
  appointment: PatientAppointment;
  onClose: () => void;
  onCancelled: (appointment: BookedAppointment) => void;
}) {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const other = someoneElse(me, appointment.patientId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { timeZone } = appointment.practice;

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      onCancelled(
        await api.post<BookedAppointment>(
          `/api/public/appointments/${encodeURIComponent(appointment.manageToken)}/cancel`,
        ),
      );
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={other ? t('cancel.titleFor', forPerson(other.firstName)) : t('cancel.title')}
      open
      onClose={onClose}
      closeLabel={t('common.close')}
    >
      <p>
        {t(other ? 'cancel.questionFor' : 'cancel.question', {
          day: dayLabel(appointment.startsAt, timeZone, lang, { capital: false }),
          time: timeLabel(appointment.startsAt, timeZone, lang),
          who: fullName(appointment.practitioner),
          ...(other ? forPerson(other.firstName) : {}),
        })}
      </p>
      <p className="muted small">{t('cancel.freed')}</p>
      <RefusalAlert error={error} phone={appointment.practice.phone} />
      <div className="form-actions">
        <Button variant="danger" busy={busy} onClick={() => void confirm()}>
          {t('cancel.confirm')}
        </Button>
        <Button variant="secondary" onClick={onClose} data-autofocus>
          {t('cancel.keep')}
        </Button>
      </div>
    </Dialog>
  );
}
