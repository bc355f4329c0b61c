import { CheckboxField } from '../../../shared/ui/checkbox-field';
import { TextField } from '../../../shared/ui/field';
import { SelectField } from '../../../shared/ui/select-field';
import { useI18n } from '../../i18n';
import { RadioGroup } from '../common/radio-group';
import type { PracticeFieldsProps } from './practice-fields';
import { type CancellationRule, slotGrids } from './practice-form';

/** Online booking, public holidays, the slot grid, the cancellation rule (RDV-7) and the console lock. */
export function PracticeRulesFields({ form, set, errorFor }: PracticeFieldsProps) {
  const { t } = useI18n();
  return (
    <fieldset className="settings-fieldset">
      <legend>{t('settings.practice.rules')}</legend>
      <CheckboxField
        label={t('settings.practice.onlineBookingOpen')}
        hint={t('settings.practice.onlineBookingOpenHint')}
        checked={form.onlineBookingOpen}
        onChange={set('onlineBookingOpen')}
      />
      <CheckboxField
        label={t('settings.practice.closedOnPublicHolidays')}
        checked={form.closedOnPublicHolidays}
        onChange={set('closedOnPublicHolidays')}
      />
      <div className="form-grid">
        <SelectField
          label={t('settings.practice.slotGrid')}
          hint={t('settings.practice.slotGridHint')}
          value={form.slotGridMinutes}
          onChange={set('slotGridMinutes')}
          error={errorFor('slotGridMinutes')}
        >
          {slotGrids.map((minutes) => (
            <option key={minutes} value={String(minutes)}>
              {t('settings.unit.minutesShort', { count: minutes })}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('settings.practice.autoLock')}
          hint={t('settings.practice.autoLockHint')}
          type="number"
          inputMode="numeric"
          min={1}
          max={240}
          value={form.autoLockMinutes}
          onChange={set('autoLockMinutes')}
          error={errorFor('autoLockMinutes')}
        />
      </div>
      <RadioGroup<CancellationRule>
        legend={t('settings.practice.cancellation')}
        hint={t('settings.practice.cancellationHint')}
        value={form.cancellation}
        onChange={set('cancellation')}
        options={[
          { value: 'dayBefore', label: t('settings.practice.cancellation.dayBefore') },
          { value: 'hours', label: t('settings.practice.cancellation.hours') },
        ]}
      />
      {form.cancellation === 'hours' ? (
        <TextField
          label={t('settings.practice.noticeHours')}
          type="number"
          inputMode="numeric"
          min={1}
          max={168}
          value={form.excusedNoticeHours}
          onChange={set('excusedNoticeHours')}
          error={errorFor('excusedNoticeHours')}
        />
      ) : null}
    </fieldset>
  );
}
