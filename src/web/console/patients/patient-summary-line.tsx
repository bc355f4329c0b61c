import type { PatientSummary } from '../../../contracts/patients';
import { displayDate } from '../../shared/dates';
import { useI18n } from '../i18n';
import { ageOn, displayPhone, todayIso } from './format';

const roleOrder = ['parent1', 'parent2', 'guarantor'] as const;

/** The responsable to call for a patient without a mobile of their own (a child): parent 1 first. */
export function contactResponsable(patient: Pick<PatientSummary, 'responsables'>) {
  return [...patient.responsables]
    .filter((responsable) => responsable.mobilePhone)
    .sort((a, b) => roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role))[0];
}

/** Age of a person for lists: "14 ans", "1 an", "moins d’un an". */
export function useAgeLabel(): (birthDate: string) => string {
  const { t } = useI18n();
  const today = todayIso();
  return (birthDate) => {
    const age = ageOn(birthDate, today);
    if (age < 1) return t('patients.age.baby');
    return age === 1 ? t('patients.age.one') : t('patients.age.other', { count: age });
  };
}

/**
 * One patient in a list of results: name, birth date and age, and how to reach them — their mobile, or
 * for a child without one the responsable's name and phone.
 */
export function PatientSummaryLine({ patient }: { patient: PatientSummary }) {
  const { t, lang } = useI18n();
  const ageLabel = useAgeLabel();
  const responsable = patient.mobilePhone ? undefined : contactResponsable(patient);
  return (
    <span className="patient-line">
      <span className="patient-line__name">
        <strong>{patient.lastName}</strong> {patient.firstName}
      </span>
      <span className="patient-line__meta">
        {displayDate(patient.birthDate, lang)} · {ageLabel(patient.birthDate)}
      </span>
      <span className="patient-line__contact">
        {patient.mobilePhone ? (
          displayPhone(patient.mobilePhone)
        ) : responsable?.mobilePhone ? (
          t('patients.line.via', {
            role: t(`patients.role.${responsable.role}`),
            name: `${responsable.firstName} ${responsable.lastName}`,
            phone: displayPhone(responsable.mobilePhone),
          })
        ) : (
          <span className="muted">{t('patients.line.noPhone')}</span>
        )}
      </span>
    </span>
  );
}
