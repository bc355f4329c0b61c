import { ApiError, isApiError } from '../../shared/api';
import { Alert } from '../../shared/ui/alert';
import { useI18n } from '../i18n';
import { CallPractice } from './contact-links';

/**
 * A refused change, said clearly: the server's message (in the UI's language) and, when the practice's
 * rules refuse it online (after the cutoff), the phone to call, as the API gives it.
 */
export function RefusalAlert({ error, phone }: { error: unknown; phone: string | null }) {
  const { t } = useI18n();
  if (!error) return null;
  const text =
    error instanceof ApiError
      ? error.code === 'NETWORK'
        ? t('common.networkError')
        : error.message || t('common.genericError')
      : t('common.genericError');
  const refused = isApiError(error, 'BOOKING_NOT_ALLOWED');
  const given = refused ? error.details?.phone : undefined;
  return (
    <Alert tone="error">
      <span className="alert__text">{text}</span>
      {refused ? <CallPractice phone={typeof given === 'string' ? given : phone} /> : null}
    </Alert>
  );
}
