import { ApiError } from '../../shared/api';
import { Alert } from '../../shared/ui/alert';
import { callReasons, refusalOf } from '../booking-api';
import { useI18n } from '../i18n';
import { CallPractice } from './contact-links';

/**
 * A failed call, said clearly: the server's message (already in the UI's language), and the phone to
 * call when the refusal means "only by phone" (booking closed, cutoff passed…).
 */
export function RefusalAlert({ error, phone }: { error: unknown; phone: string | null }) {
  const { t } = useI18n();
  if (!error) return null;
  const reason = refusalOf(error);
  const text =
    error instanceof ApiError
      ? error.code === 'NETWORK'
        ? t('common.networkError')
        : error.message || t('common.genericError')
      : t('common.genericError');
  return (
    <Alert tone="error">
      <p className="alert__text">{text}</p>
      {reason && callReasons.has(reason) ? <CallPractice phone={phone} /> : null}
    </Alert>
  );
}
