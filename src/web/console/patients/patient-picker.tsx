import { type JSX, useEffect, useRef, useState } from 'react';
import type { PatientDetail } from '../../../contracts/patients';
import { api } from '../../shared/api';
import { Button } from '../../shared/ui/button';
import { ErrorAlert } from '../../shared/ui/error-alert';
import { useI18n } from '../i18n';
import { initialFromQuery } from './patient-draft';
import { PatientForm } from './patient-form';
import { PatientSearchBox } from './patient-search-box';
import './patients.css';

export interface PickedPatient {
  id: string;
  lastName: string;
  firstName: string;
  birthDate: string;
  ownPractitionerId: string | null;
}

const picked = (patient: PickedPatient): PickedPatient => ({
  id: patient.id,
  lastName: patient.lastName,
  firstName: patient.firstName,
  birthDate: patient.birthDate,
  ownPractitionerId: patient.ownPractitionerId,
});

/**
 * Finds the patient of an appointment (seed 002 §2): search by name, phone or birth date, or create the
 * file right here — the form opens in place (no second dialog) and the new patient is selected.
 * Fits a 520 px dialog and a 360 px screen.
 */
export function PatientPicker({
  onSelect,
  autoFocus,
}: {
  onSelect: (patient: PickedPatient) => void;
  autoFocus?: boolean;
}): JSX.Element {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(false);
  const [backToSearch, setBackToSearch] = useState(false);
  const [fetching, setFetching] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (creating) heading.current?.focus();
  }, [creating]);

  // a possible duplicate chosen instead: its file tells the own practitioner the agenda needs (RDV-5)
  const takeExisting = async (id: string) => {
    setFetching(true);
    setError(null);
    try {
      onSelect(picked(await api.get<PatientDetail>(`/api/console/patients/${id}`)));
      setCreating(false);
    } catch (caught) {
      setError(caught);
    } finally {
      setFetching(false);
    }
  };

  if (creating) {
    return (
      <div className="patient-picker">
        <h3 ref={heading} tabIndex={-1} className="patient-picker__title">
          {t('patients.picker.newTitle')}
        </h3>
        <ErrorAlert error={error} withFields />
        {fetching ? <p className="muted">{t('common.loading')}</p> : null}
        <PatientForm
          embedded
          initial={initialFromQuery(query)}
          onSaved={(patient) => {
            setCreating(false);
            onSelect(picked(patient));
          }}
          onCancel={() => {
            setCreating(false);
            setBackToSearch(true);
          }}
          onUseExisting={(match) => void takeExisting(match.id)}
        />
      </div>
    );
  }

  return (
    <div className="patient-picker">
      <PatientSearchBox
        label={t('patients.picker.label')}
        initialQuery={query}
        onQueryChange={setQuery}
        onSelect={(patient) => onSelect(picked(patient))}
        autoFocus={autoFocus || backToSearch}
        limit={8}
        compact
      />
      <Button variant="secondary" className="patient-picker__create" onClick={() => setCreating(true)}>
        {t('patients.picker.create')}
      </Button>
    </div>
  );
}
