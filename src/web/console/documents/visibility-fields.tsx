import { useId } from 'react';
import type { Visibility } from '../../../contracts/documents';
import { CheckboxField } from '../../shared/ui/checkbox-field';
import { useI18n } from '../i18n';
import { audiences } from './format';

interface VisibilityFieldsProps {
  legend: string;
  value: Visibility;
  onChange: (value: Visibility) => void;
  hint?: string;
  disabled?: boolean;
}

/** Who sees a document (DOC-2): the patient, the responsables, the correspondents; one box each. */
export function VisibilityFields({ legend, value, onChange, hint, disabled }: VisibilityFieldsProps) {
  const { t } = useI18n();
  const hintId = useId();
  return (
    <fieldset className="settings-fieldset doc-visibility" aria-describedby={hint ? hintId : undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      <div className="doc-visibility__boxes">
        {audiences.map((audience) => (
          <CheckboxField
            key={audience}
            label={t(`documents.audience.${audience}`)}
            checked={value[audience]}
            disabled={disabled}
            onChange={(checked) => onChange({ ...value, [audience]: checked })}
          />
        ))}
      </div>
    </fieldset>
  );
}
