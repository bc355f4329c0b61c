import { CheckboxField } from '../../../shared/ui/checkbox-field';
import { TextField } from '../../../shared/ui/field';
import { SelectField } from '../../../shared/ui/select-field';
import { useI18n } from '../../i18n';
import type { PracticeFieldsProps } from './practice-fields';
import { type FeedPatientDetail, feedPatientDetails } from './practice-form';

/** The manage-link cutoff, the reminder delay, the waiting list and what calendar feeds show. */
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
      <SelectField
        label={t('settings.practice.feedDetail')}
        hint={t('settings.practice.feedDetailHint')}
        value={form.feedPatientDetail}
        onChange={(value) => {
          const detail = feedPatientDetails.find((candidate) => candidate === value);
          if (detail) set('feedPatientDetail')(detail);
        }}
        error={errorFor('feedPatientDetail')}
      >
        {feedPatientDetails.map((detail: FeedPatientDetail) => (
          <option key={detail} value={detail}>
            {t(`settings.practice.feedDetail.${detail}`)}
          </option>
        ))}
      </SelectField>
    </fieldset>
  );
}
