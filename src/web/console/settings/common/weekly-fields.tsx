import { CheckboxField } from '../../../shared/ui/checkbox-field';
import { useI18n } from '../../i18n';
import { weekdays } from './calendar';
import type { ErrorFor } from './field-errors';
import { RepeatEndFields } from './repeat-end-fields';
import type { WeeklyForm } from './weekly';

interface WeeklyFieldsProps {
  value: WeeklyForm;
  onChange: (value: WeeklyForm) => void;
  errorFor: ErrorFor;
  /** where the API puts these fields: `weekly` or `recurring.weekly` */
  path: string;
  rrule?: string | null | undefined;
}

/** Weekdays, "every N weeks" and the optional last day of a weekly recurrence. */
export function WeeklyFields({ value, onChange, errorFor, path, rrule }: WeeklyFieldsProps) {
  const { t } = useI18n();
  const toggle = (day: (typeof weekdays)[number], on: boolean) =>
    onChange({
      ...value,
      weekdays: on
        ? [...value.weekdays.filter((other) => other !== day), day]
        : value.weekdays.filter((other) => other !== day),
    });
  const daysError = errorFor(`${path}.weekdays`);
  return (
    <div className="settings-weekly">
      <fieldset className={`settings-fieldset${daysError ? ' field--invalid' : ''}`}>
        <legend>{t('settings.weekly.days')}</legend>
        <div className="settings-checks">
          {weekdays.map((day) => (
            <CheckboxField
              key={day}
              label={t(`settings.weekday.${day}`)}
              checked={value.weekdays.includes(day)}
              onChange={(on) => toggle(day, on)}
            />
          ))}
        </div>
        {daysError ? <p className="field__error">{daysError}</p> : null}
      </fieldset>
      <RepeatEndFields
        every={{
          label: t('settings.weekly.interval'),
          hint: t('settings.weekly.intervalHint'),
          max: 52,
          value: value.intervalWeeks,
          onChange: (intervalWeeks) => onChange({ ...value, intervalWeeks }),
        }}
        until={value.until}
        onUntil={(until) => onChange({ ...value, until })}
        errorFor={errorFor}
        path={path}
        everyField="intervalWeeks"
      />
      {rrule ? (
        <p className="field__hint">
          {t('settings.weekly.rrule')} <code className="settings-rrule">{rrule}</code>
        </p>
      ) : null}
    </div>
  );
}
