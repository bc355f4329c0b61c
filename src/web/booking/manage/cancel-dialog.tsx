import { useState } from 'react';
import type { BookedAppointment } from '../../../contracts/booking';
import { api } from '../../shared/api';
import { Button } from '../../shared/ui/button';
import { Dialog } from '../../shared/ui/dialog';
import { enc } from '../booking-api';
import { dayLabel, localDate, localTime } from '../format';
import { useI18n } from '../i18n';
import { RefusalAlert } from '../ui/refusal-alert';

/** "Annuler le rendez-vous ?": said with its date, confirmed on purpose, the slot freed for others. */
export function CancelDialog({
  token,
  appointment,
  open,
  onClose,
  onCancelled,
}: {
  token: string;
  appointment: BookedAppointment;
  open: boolean;
  onClose: () => void;
  onCancelled: (appointment: BookedAppointment) => void;
}) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { timeZone } = appointment.practice;
  const close = () => {
    setError(null);
    onClose();
  };
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      onCancelled(await api.post<BookedAppointment>(`/api/public/appointments/${enc(token)}/cancel`));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title={t('cancel.title')} open={open} onClose={close} closeLabel={t('common.close')}>
      <p>
        {t('cancel.question', {
          day: dayLabel(localDate(appointment.startsAt, timeZone), lang, { capital: false }),
          time: localTime(appointment.startsAt, timeZone),
        })}
      </p>
      <p className="muted small">{t('cancel.freed')}</p>
      <RefusalAlert error={error} phone={appointment.practice.phone} />
      <div className="form-actions">
        <Button variant="danger" busy={busy} onClick={() => void confirm()}>
          {t('cancel.confirm')}
        </Button>
        <Button variant="secondary" onClick={close} data-autofocus>
          {t('cancel.keep')}
        </Button>
      </div>
    </Dialog>
  );
}
