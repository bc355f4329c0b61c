import { useEffect, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import type { PatientDetail } from '../../../contracts/patients';
import { api } from '../../shared/api';
import { ErrorAlert } from '../../shared/ui/error-alert';
import { useI18n } from '../i18n';
import { initialFromQuery, type PatientInitial } from './patient-draft';
import { PatientForm } from './patient-form';

/** A child's file starts from a parent's: same last name and address, the parent as parent 1. */
function childOf(parent: PatientDetail): PatientInitial {
  return {
    lastName: parent.lastName,
    addressLine: parent.addressLine,
    postalCode: parent.postalCode,
    city: parent.city,
    ownPractitionerId: parent.ownPractitionerId,
    responsables: [
      {
        id: parent.id,
        lastName: parent.lastName,
        firstName: parent.firstName,
        birthDate: parent.birthDate,
        mobilePhone: parent.mobilePhone,
        role: 'parent1',
      },
    ],
  };
}

/**
 * Console › Patients › Nouveau patient. `?from=` carries the search that found nobody (its name, phone or
 * birth date fill the form); `?parent1=` starts a dependant's file from a parent's.
 */
export function NewPatient() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const params = new URLSearchParams(useSearch());
  const from = params.get('from') ?? '';
  const parentId = params.get('parent1');
  const [initial, setInitial] = useState<PatientInitial | null>(parentId ? null : initialFromQuery(from));
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!parentId) return;
    api.get<PatientDetail>(`/api/console/patients/${parentId}`).then(
      (parent) => setInitial(childOf(parent)),
      (caught: unknown) => {
        setError(caught);
        setInitial({});
      },
    );
  }, [parentId]);

  return (
    <section className="patient-page">
      <p className="back-link">
        <Link href="/patients">← {t('patients.back')}</Link>
      </p>
      <h1>{t('patients.new')}</h1>
      <p className="muted">{t('patients.form.intro')}</p>
      <ErrorAlert error={error} withFields />
      {initial ? (
        <div className="card">
          <PatientForm
            initial={initial}
            onSaved={(patient) => navigate(`/patients/${patient.id}`)}
            onCancel={() =>
              navigate(
                parentId
                  ? `/patients/${parentId}`
                  : from
                    ? `/patients?${new URLSearchParams({ q: from })}`
                    : '/patients',
              )
            }
            autoFocus
          />
        </div>
      ) : (
        <p className="loading">{t('common.loading')}</p>
      )}
    </section>
  );
}
