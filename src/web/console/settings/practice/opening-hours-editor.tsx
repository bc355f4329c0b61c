import { useRef } from 'react';
import { Button } from '../../../shared/ui/button';
import { TextField } from '../../../shared/ui/field';
import { useI18n } from '../../i18n';
import { type Weekday, weekdays } from '../common/calendar';
import type { ErrorFor } from '../common/field-errors';
import { newPeriod, type PeriodRow } from './practice-form';

interface OpeningHoursEditorProps {
  value: PeriodRow[];
  onChange: (value: PeriodRow[]) => void;
  errorFor: ErrorFor;
}

/**
 * The practice's weekly hours, shown to patients: any number of periods per day (morning, afternoon…).
 * Rows keep their place in the list sent to the server, so its `openingHours.<index>` errors land on them.
 */
export function OpeningHoursEditor({ value, onChange, errorFor }: OpeningHoursEditorProps) {
  const { t } = useI18n();
  const update = (key: number, change: Partial<PeriodRow>) =>
    onChange(value.map((row) => (row.key === key ? { ...row, ...change } : row)));
  // after a row is removed, focus goes to its day's "add" button rather than being lost
  const addButtons = useRef(new Map<Weekday, HTMLButtonElement>());
  const add = (weekday: Weekday) => {
    const first = !value.some((row) => row.weekday === weekday);
    onChange([...value, first ? newPeriod(weekday, '09:00', '12:00') : newPeriod(weekday, '14:00', '18:00')]);
  };
  const remove = (row: PeriodRow) => {
    onChange(value.filter((other) => other.key !== row.key));
    addButtons.current.get(row.weekday)?.focus();
  };

  return (
    <div className="settings-hours">
      {weekdays.map((weekday) => {
        const day = t(`settings.weekday.${weekday}`);
        const rows = value.map((row, index) => ({ row, index })).filter(({ row }) => row.weekday === weekday);
        return (
          <fieldset key={weekday} className="settings-fieldset settings-day">
            <legend>{day}</legend>
            {rows.length === 0 ? (
              <p className="muted settings-closed">{t('settings.practice.closed')}</p>
            ) : null}
            {rows.map(({ row, index }) => (
              <div key={row.key} className="settings-period">
                <TextField
                  label={t('settings.practice.opens')}
                  type="time"
                  value={row.opens}
                  onChange={(opens) => update(row.key, { opens })}
                  error={errorFor(`openingHours.${index}.opens`)}
                />
                <TextField
                  label={t('settings.practice.closes')}
                  type="time"
                  value={row.closes}
                  onChange={(closes) => update(row.key, { closes })}
                  error={errorFor(`openingHours.${index}.closes`)}
                />
                <Button
                  variant="secondary"
                  className="settings-period__remove"
                  aria-label={t('settings.practice.removePeriod', {
                    day,
                    opens: row.opens,
                    closes: row.closes,
                  })}
                  onClick={() => remove(row)}
                >
                  {t('settings.remove')}
                </Button>
              </div>
            ))}
            <button
              type="button"
              className="button button--link"
              ref={(element) => {
                if (element) addButtons.current.set(weekday, element);
                else addButtons.current.delete(weekday);
              }}
              aria-label={t('settings.practice.addPeriodTo', { day })}
              onClick={() => add(weekday)}
            >
              {t('settings.practice.addPeriod')}
            </button>
          </fieldset>
        );
      })}
    </div>
  );
}
