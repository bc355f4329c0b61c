import type { ReactNode } from 'react';
import { displayDate } from '../../shared/dates';
import { Button } from '../../shared/ui/button';
import { useI18n } from '../i18n';
import type { PickedPatient } from './patient-picker';

/**
 * The patient a form is for, as the front desk checks it: NAME First name, birth date, what the form adds
 * (the own dentist), and "Changer de patient" unless the patient is fixed.
 */
export function ChosenPatient({
  patient,
  className,
  changeLabel,
  onChange,
  children,
}: {
  patient: PickedPatient;
  className: string;
  changeLabel: string;
  onChange?: (() => void) | undefined;
  children?: ReactNode;
}) {
  const { lang } = useI18n();
  return (
    <p className={className}>
      <strong>
        {patient.lastName.toUpperCase()} {patient.firstName}
      </strong>{' '}
      <span className="muted">{displayDate(patient.birthDate, lang)}</span>
      {children}
      {onChange ? (
        <Button variant="link" onClick={onChange}>
          {changeLabel}
        </Button>
      ) : null}
    </p>
  );
}
