import { ApiError } from '../api';
import { useI18nOf } from '../i18n';
import type { CommonKey } from '../messages';
import { Alert } from './alert';

/**
 * The alert of a failed call: the server's message (already in the UI's language), or a network message.
 * Errors that only concern fields are left to the fields themselves (`issueFor`), unless `withFields`.
 */
export function ErrorAlert({ error, withFields = false }: { error: unknown; withFields?: boolean }) {
  const { t } = useI18nOf<CommonKey>();
  if (!error) return null;
  if (error instanceof ApiError && error.issues.length > 0 && !withFields) return null;
  const text =
    error instanceof ApiError
      ? error.code === 'NETWORK'
        ? t('common.networkError')
        : error.message || t('common.genericError')
      : t('common.genericError');
  return <Alert tone="error">{text}</Alert>;
}
