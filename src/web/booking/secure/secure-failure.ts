import { ApiError } from '../../shared/api';
import type { Translate } from '../../shared/i18n';
import type { BookingKey } from '../i18n/fr';

/** What to tell the reader of a failed call: the server's message is already in the page's language. */
export function failureText(error: unknown, t: Translate<BookingKey>): string {
  if (error instanceof ApiError) {
    if (error.code === 'NETWORK') return t('common.networkError');
    return error.message || t('common.genericError');
  }
  return t('common.genericError');
}
