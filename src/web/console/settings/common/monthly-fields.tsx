import { useI18n } from '../../i18n';
import type { ErrorFor } from './field-errors';
import { type MonthlyBy, type MonthlyForm, monthlyChoices } from './monthly';
import { RadioGroup } from './radio-group';
import { RepeatEndFields } from './repeat-end-fields';

interface MonthlyFieldsProps {
  value: MonthlyForm;
  onChange: (value: MonthlyForm) => void;
  /** the first day: the day of the month or the weekday repeats from it */
  firstDay: string;
  errorFor: ErrorFor;
  /** where the API puts these fields: `monthly` or `recurring.monthly` */
  path: string;
}

/** "Le 18 de chaque mois" or "le 3e jeudi", every N months, and the optional last day (issue 9 §1.6). */
export function MonthlyFields({ value, onChange, firstDay, errorFor, path }: MonthlyFieldsProps) {
  const { t, lang } = useI18n();
  const choices = monthlyChoices(firstDay, t, lang);
  const by = choices.some((choice) => choice.value === value.by) ? value.by : 'monthDay';
  return (
    <div className="settings-weekly">
      <RadioGroup<MonthlyBy>
        legend={t('settings.monthly.by')}
        value={by}
        onChange={(next) => onChange({ ...value, by: next })}
        options={choices}
      />
      {errorFor(`${path}.monthDay`) ? <p className="field__error">{errorFor(`${path}.monthDay`)}</p> : null}
      <RepeatEndFields
        every={{
          label: t('settings.monthly.interval'),
          hint: t('settings.monthly.intervalHint'),
          max: 12,
          value: value.intervalMonths,
          onChange: (intervalMonths) => onChange({ ...value, intervalMonths }),
        }}
        until={value.until}
        onUntil={(until) => onChange({ ...value, until })}
        errorFor={errorFor}
        path={path}
        everyField="intervalMonths"
      />
    </div>
  );
}
