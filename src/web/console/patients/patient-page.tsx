import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import type { PatientDetail } from '../../../contracts/patients';
import type { StaffMe } from '../../../contracts/staff-auth';
import { ApiError, api } from '../../shared/api';
import { displayDate } from '../../shared/dates';
import { Alert } from '../../shared/ui/alert';
import { Button } from '../../shared/ui/button';
import { ErrorAlert } from '../../shared/ui/error-alert';
import { PatientDocuments } from '../documents/patient-documents';
import { useI18n } from '../i18n';
import { NewPatient } from './new-patient';
import { PatientActions } from './patient-actions';
import { PatientFamily } from './patient-family';
import { PatientFile } from './patient-file';
import { PatientForm } from './patient-form';
import { PatientHistory, usePatientHistory } from './patient-history';
import { useAgeLabel } from './patient-summary-line';
import { usePractitioners } from './use-practitioners';
import { usualMotif } from './usual-motif';
import './patients.css';

/** Console › Patients › a file (`new`: the creation form). */
export function PatientPage({ me, patientId }: { me: StaffMe; patientId: string }) {
  return patientId === 'new' ? (
    <NewPatient />
  ) : (
    <ExistingPatient key={patientId} patientId={patientId} me={me} />
  );
}

/** A patient's file: identity, contact, follow-up, family, documents, history; "Modifier" turns it into the form. */
function ExistingPatient({ patientId, me }: { patientId: string; me: StaffMe }) {
  const { t, lang } = useI18n();
  const timeZone = me.practice.timeZone;
  const { practitioners } = usePractitioners();
  const history = usePatientHistory(patientId);
  const [waitlisted, setWaitlisted] = useState(false);
  const ageLabel = useAgeLabel();
  const [patient, setPatient] = useState<PatientDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setPatient(await api.get<PatientDetail>(`/api/console/patients/${patientId}`));
    } catch (caught) {
      setError(caught);
    }
  }, [patientId]);
  useEffect(() => {
    void load();
  }, [load]);

  const backLink = (
    <p className="back-link">
      <Link href="/patients">← {t('patients.back')}</Link>
    </p>
  );
  const missing = error instanceof ApiError && (error.status === 404 || error.status === 400);
  if (missing) {
    return (
      <section>
        {backLink}
        <h1>{t('patients.file.notFoundTitle')}</h1>
        <p>{t('patients.file.notFound')}</p>
      </section>
    );
  }
  if (!patient) {
    return (
      <section>
        {backLink}
        {error ? (
          <>
            <ErrorAlert error={error} withFields />
            <Button onClick={() => void load()}>{t('common.retry')}</Button>
          </>
        ) : (
          <p className="loading">{t('common.loading')}</p>
        )}
      </section>
    );
  }

  const stopEditing = (updated?: PatientDetail) => {
    if (updated) setPatient(updated);
    setSaved(!!updated);
    setEditing(false);
    window.setTimeout(() => heading.current?.focus());
  };

  return (
    <section className="patient-page">
      {backLink}
      <div className="page-heading">
        <div>
          <h1 ref={heading} tabIndex={-1}>
            {patient.lastName} {patient.firstName}
          </h1>
          <p className="muted page-heading__sub">
            {t('patients.file.born', { date: displayDate(patient.birthDate, lang) })} ·{' '}
            {ageLabel(patient.birthDate)}
            {patient.appOptOut ? (
              <span className="badge badge--warning">{t('patients.file.optedOut')}</span>
            ) : null}
          </p>
        </div>
        {editing ? null : (
          <div className="page-heading__actions">
            <PatientActions
              me={me}
              patient={patient}
              usualMotifId={history.history ? usualMotif(history.history.items) : undefined}
              practitioners={practitioners}
              onWaitlisted={() => {
                setSaved(false);
                setWaitlisted(true);
              }}
            />
            <Button
              variant="secondary"
              onClick={() => {
                setSaved(false);
                setWaitlisted(false);
                setEditing(true);
              }}
            >
              {t('patients.file.edit')}
            </Button>
            {patient.responsables.length === 0 ? (
              <Link className="button button--secondary" href={`/patients/new?parent1=${patient.id}`}>
                {t('patients.file.addDependant')}
              </Link>
            ) : null}
          </div>
        )}
      </div>
      {saved ? <Alert tone="success">{t('patients.file.saved')}</Alert> : null}
      {waitlisted ? (
        <Alert tone="success">
          {t('patients.file.waitlisted')} <Link href="/waitlist">{t('patients.file.seeWaitlist')}</Link>
        </Alert>
      ) : null}
      {editing ? (
        <div className="card">
          <h2>{t('patients.file.editTitle')}</h2>
          <PatientForm initial={patient} onSaved={stopEditing} onCancel={() => stopEditing()} />
        </div>
      ) : (
        <>
          <PatientFile patient={patient} />
          <PatientFamily patient={patient} />
        </>
      )}
      <PatientDocuments patient={patient} timeZone={timeZone} />
      <PatientHistory {...history} practitioners={practitioners} />
    </section>
  );
}
