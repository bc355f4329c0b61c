import { TextField } from '../../../shared/ui/field';
import { useI18n } from '../../i18n';
import type { ErrorFor } from './field-errors';

/** "Repeat every … weeks / months" and the optional last day, shared by weekly and monthly rules. */
export function RepeatEndFields(props: {
  every: { label: string; hint: string; max: number; value: string; onChange: (value: string) => void };
  until: string;
  onUntil: (until: string) => void;
  errorFor: ErrorFor;
  /** the fields' API names: `${path}.${everyField}` and `${path}.until` */
  path: string;
  everyField: string;
}) {
  const { t } = useI18n();
  const { every } = props;
  return (
    <div className="form-grid">
      <TextField
        label={every.label}
        hint={every.hint}
        type="number"
        inputMode="numeric"
        min={1}
        max={every.max}
        value={every.value}
        onChange={every.onChange}
        error={props.errorFor(`${props.path}.${props.everyField}`)}
      />
      <TextField
        label={t('settings.weekly.untilField')}
        hint={t('settings.weekly.untilHint')}
        type="date"
        value={props.until}
        onChange={props.onUntil}
        error={props.errorFor(`${props.path}.until`)}
      />
    </div>
  );
}
