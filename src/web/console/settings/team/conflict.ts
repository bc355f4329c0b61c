import type { Translate } from '../../../shared/i18n';
import type { ConsoleKey } from '../../i18n/fr';
import { conflictReason } from '../common/field-errors';

/** A clear sentence for the team's 409s: the last admin cannot leave, and no one removes themselves. */
export function teamConflictMessage(error: unknown, t: Translate<ConsoleKey>): string | undefined {
  const reason = conflictReason(error);
  if (reason === 'last_admin') return t('staff.conflict.lastAdmin');
  if (reason === 'self') return t('staff.conflict.self');
  return undefined;
}
