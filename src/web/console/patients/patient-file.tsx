import type { ReactNode } from 'react';
import type { PatientDetail } from '../../../contracts/patients';
import { useI18n } from '../i18n';
import { displayPhone, practitionerName } from './format';
import { usePractitioners } from './use-practitioners';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="facts__item">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** A patient's identity, contact and follow-up as the front desk reads them before booking (seed 002 §3). */
export function PatientFile({ patient }: { patient: PatientDetail }) {
  const { t } = useI18n();
  const { practitioners } = usePractitioners();
  const nameOf = (id: string) => {
    const found = practitioners?.find((practitioner) => practitioner.id === id);
    if (found) return practitionerName(found);
    return practitioners ? t('patients.file.unknownPractitioner') : t('common.loading');
  };
  const none = <span className="muted">{t('patients.file.none')}</span>;
  const throughResponsables = patient.responsables.length > 0;
  const missingContact = throughResponsables ? (
    <span className="muted">{t('patients.file.viaResponsables')}</span>
  ) : (
    none
  );
  const address = [patient.addressLine, [patient.postalCode, patient.city].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');

  return (
    <div className="patient-cards">
      <section className="card" aria-labelledby="patient-contact">
        <h2 id="patient-contact">{t('patients.section.contact')}</h2>
        <dl className="facts">
          <Item label={t('patients.field.mobilePhone')}>
            {patient.mobilePhone ? (
              <a href={`tel:${patient.mobilePhone}`}>{displayPhone(patient.mobilePhone)}</a>
            ) : (
              missingContact
            )}
          </Item>
          <Item label={t('patients.field.email')}>
            {patient.email ? <a href={`mailto:${patient.email}`}>{patient.email}</a> : missingContact}
          </Item>
          <Item label={t('patients.field.address')}>{address || missingContact}</Item>
          <Item label={t('patients.field.channel')}>
            {t(`patients.channel.${patient.notificationChannel}`)}
          </Item>
          <Item label={t('patients.file.app')}>
            {patient.appOptOut ? t('patients.file.optedOut') : t('patients.file.shared')}
          </Item>
        </dl>
      </section>
      <section className="card" aria-labelledby="patient-care">
        <h2 id="patient-care">{t('patients.section.care')}</h2>
        <dl className="facts">
          <Item label={t('patients.field.ownPractitioner')}>
            {patient.ownPractitionerId ? <strong>{nameOf(patient.ownPractitionerId)}</strong> : none}
          </Item>
          <Item label={t('patients.field.referents')}>
            {patient.referentIds.length > 0 ? patient.referentIds.map(nameOf).join(', ') : none}
          </Item>
          <Item label={t('patients.field.notes')}>
            {patient.notes ? <span className="pre-line">{patient.notes}</span> : none}
          </Item>
        </dl>
      </section>
    </div>
  );
}
