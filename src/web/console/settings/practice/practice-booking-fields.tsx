import { CheckboxField } from '../../../shared/ui/checkbox-field';
import { TextField } from '../../../shared/ui/field';
import { useI18n } from '../../i18n';
import type { PracticeFieldsProps } from './practice-fields';

/**
 * The manage-link cutoff, the reminder delay and the waiting list. What calendar feeds show of patients
 * is chosen on the feeds panel (home page), next to the feeds themselves.
 */
export function PracticeBookingFields({ form, set, errorFor }: PracticeFieldsProps) {
  const { t } = useI18n();
  return (
    <fieldset className="settings-fieldset">
      <legend>{t('settings.practice.booking')}</legend>
      <div className="form-grid">
        <TextField
          label={t('settings.practice.cutoff')}
          hint={t('settings.practice.cutoffHint')}
          type="number"
          inputMode="numeric"
          min={0}
          max={720}
          value={form.cancellationCutoffHours}
          onChange={set('cancellationCutoffHours')}
          error={errorFor('cancellationCutoffHours')}
        />
        <TextField
          label={t('settings.practice.reminder')}
          hint={t('settings.practice.reminderHint')}
          type="number"
          inputMode="numeric"
          min={1}
          max={168}
          value={form.reminderHoursBefore}
          onChange={set('reminderHoursBefore')}
          error={errorFor('reminderHoursBefore')}
        />
      </div>
      <CheckboxField
        label={t('settings.practice.waitlistEnabled')}
        hint={t('settings.practice.waitlistEnabledHint')}
        checked={form.waitlistEnabled}
        onChange={set('waitlistEnabled')}
      />
      <CheckboxField
        label={t('settings.practice.staffMfaRequired')}
        hint={t('settings.practice.staffMfaRequiredHint')}
        checked={form.staffMfaRequired}
        onChange={set('staffMfaRequired')}
      />
    </fieldset>
  );
}
