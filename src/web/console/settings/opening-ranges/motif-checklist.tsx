import type { Motif } from '../../../../contracts/settings';
import { CheckboxField } from '../../../shared/ui/checkbox-field';
import { useI18n } from '../../i18n';

interface MotifChecklistProps {
  motifs: Motif[];
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
}

/** Which motifs a range offers; none checked means every motif. */
export function MotifChecklist({ motifs, value, onChange, error }: MotifChecklistProps) {
  const { t } = useI18n();
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...value.filter((other) => other !== id), id] : value.filter((other) => other !== id));
  return (
    <fieldset className={`settings-fieldset${error ? ' field--invalid' : ''}`}>
      <legend>{t('settings.ranges.motifs')}</legend>
      <p className="field__hint">
        {value.length === 0
          ? t('settings.ranges.motifsAll')
          : t('settings.ranges.motifsSome', { count: value.length })}
      </p>
      {motifs.length === 0 ? <p className="muted">{t('settings.motifs.empty')}</p> : null}
      <div className="settings-checks settings-checks--column">
        {motifs.map((motif) => (
          <div key={motif.id} className="settings-motif-check">
            <span className="settings-swatch" style={{ backgroundColor: motif.colour }} aria-hidden="true" />
            <CheckboxField
              label={motif.name}
              checked={value.includes(motif.id)}
              onChange={(on) => toggle(motif.id, on)}
            />
          </div>
        ))}
      </div>
      {error ? <p className="field__error">{error}</p> : null}
    </fieldset>
  );
}
