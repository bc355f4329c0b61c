import { type FormEvent, useId, useState } from 'react';
import { api } from '../../shared/api';
import { Button } from '../../shared/ui/button';
import { Dialog } from '../../shared/ui/dialog';
import { ErrorAlert } from '../../shared/ui/error-alert';
import { TextField } from '../../shared/ui/field';
import { useI18n } from '../i18n';

type Classification = 'auto' | 'excused' | 'not_excused';

/**
 * Cancelling frees the slot (RDV-6). When the patient cancels, the practice's rule classifies the
 * absence (RDV-7) unless the secretary decides otherwise (an emergency that morning is excused).
 */
export function CancelDialog({
  appointmentId,
  onClose,
  onCancelled,
}: {
  appointmentId: string;
  onClose: () => void;
  onCancelled: () => void;
}) {
  const { t } = useI18n();
  const [by, setBy] = useState<'patient' | 'practice'>('patient');
  const [classification, setClassification] = useState<Classification>('auto');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const name = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/console/appointments/${appointmentId}/cancel`, {
        by,
        reason: reason.trim() || null,
        ...(by === 'patient' && classification !== 'auto' ? { classification } : {}),
      });
      onCancelled();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('cancel.title')} open onClose={onClose} closeLabel={t('common.close')}>
      <form onSubmit={submit} noValidate>
        <fieldset className="radio-group">
          <legend>{t('cancel.by')}</legend>
          {(['patient', 'practice'] as const).map((value) => (
            <label key={value}>
              <input type="radio" name={`${name}-by`} checked={by === value} onChange={() => setBy(value)} />{' '}
              {value === 'patient' ? t('cancel.byPatient') : t('cancel.byPractice')}
            </label>
          ))}
        </fieldset>
        {by === 'patient' ? (
          <fieldset className="radio-group">
            <legend>{t('cancel.classification')}</legend>
            {(['auto', 'excused', 'not_excused'] as const).map((value) => (
              <label key={value}>
                <input
                  type="radio"
                  name={`${name}-class`}
                  checked={classification === value}
                  onChange={() => setClassification(value)}
                />{' '}
                {value === 'auto'
                  ? t('cancel.auto')
                  : value === 'excused'
                    ? t('cancel.excused')
                    : t('cancel.notExcused')}
              </label>
            ))}
          </fieldset>
        ) : null}
        <TextField label={t('cancel.reason')} value={reason} onChange={setReason} maxLength={500} />
        <ErrorAlert error={error} withFields />
        <div className="form-actions">
          <Button type="submit" variant="danger" busy={busy}>
            {t('cancel.confirm')}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {t('common.close')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
