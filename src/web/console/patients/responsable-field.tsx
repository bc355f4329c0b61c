import { useEffect, useId, useRef, useState } from 'react';
import { displayDate } from '../../shared/dates';
import { Button } from '../../shared/ui/button';
import { useI18n } from '../i18n';
import { displayPhone } from './format';
import type { Responsable } from './patient-draft';
import { PatientSearchBox } from './patient-search-box';

interface ResponsableFieldProps {
  label: string;
  /** the role inside a sentence: "le parent 1", "le garant financier" */
  who: string;
  value: Responsable | null;
  onChange: (value: Responsable | null) => void;
  error?: string | undefined;
}

/** Parent 1, parent 2 or guarantor: an existing patient, picked through the patient search (PAT-2). */
export function ResponsableField({ label, who, value, onChange, error }: ResponsableFieldProps) {
  const { t, lang } = useI18n();
  const errorId = useId();
  const [searching, setSearching] = useState(false);
  const actions = useRef<HTMLDivElement>(null);
  // after a choice (or none), focus goes back to this field's first button, not to the page's top
  const [returnFocus, setReturnFocus] = useState(false);
  useEffect(() => {
    if (!returnFocus) return;
    actions.current?.querySelector('button')?.focus();
    setReturnFocus(false);
  }, [returnFocus]);

  const stopSearching = () => {
    setSearching(false);
    setReturnFocus(true);
  };

  return (
    <fieldset
      className={`responsable-field${error ? ' field--invalid' : ''}`}
      aria-describedby={error ? errorId : undefined}
    >
      <legend>{label}</legend>
      {value && !searching ? (
        <p className="responsable-field__person">
          <strong>
            {value.lastName} {value.firstName}
          </strong>{' '}
          · {displayDate(value.birthDate, lang)}
          {value.mobilePhone ? ` · ${displayPhone(value.mobilePhone)}` : ''}
        </p>
      ) : null}
      {searching ? (
        <div className="responsable-field__search">
          <PatientSearchBox
            label={t('patients.responsable.search', { who })}
            compact
            autoFocus
            limit={8}
            onSelect={(patient) => {
              onChange({
                id: patient.id,
                lastName: patient.lastName,
                firstName: patient.firstName,
                birthDate: patient.birthDate,
                mobilePhone: patient.mobilePhone,
              });
              stopSearching();
            }}
          />
          <Button variant="link" onClick={stopSearching}>
            {t('patients.responsable.cancel')}
          </Button>
        </div>
      ) : (
        <div className="responsable-field__actions" ref={actions}>
          {value ? (
            <>
              <Button variant="secondary" onClick={() => setSearching(true)}>
                {t('patients.responsable.change', { who })}
              </Button>
              <Button
                variant="link"
                onClick={() => {
                  onChange(null);
                  setReturnFocus(true);
                }}
              >
                {t('patients.responsable.remove', { who })}
              </Button>
            </>
          ) : (
            <Button variant="secondary" onClick={() => setSearching(true)}>
              {t('patients.responsable.choose', { who })}
            </Button>
          )}
        </div>
      )}
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
