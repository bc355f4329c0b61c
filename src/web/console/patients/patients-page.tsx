import { useLocation, useSearch } from 'wouter';
import type { StaffMe } from '../../../contracts/staff-auth';
import { Button } from '../../shared/ui/button';
import { useI18n } from '../i18n';
import { PatientSearchBox } from './patient-search-box';
import './patients.css';

/**
 * Console › Patients: one search field for parents and children alike (PAT-3); Enter opens the file.
 * The query lives in the address, so coming back from a file shows the same results.
 */
export function PatientsPage({ me: _me }: { me: StaffMe }) {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const urlQuery = new URLSearchParams(useSearch()).get('q') ?? '';
  const remember = (query: string) =>
    navigate(query.trim() ? `/patients?${new URLSearchParams({ q: query })}` : '/patients', {
      replace: true,
    });
  const create = () => {
    const q = urlQuery.trim();
    navigate(q ? `/patients/new?${new URLSearchParams({ from: q })}` : '/patients/new');
  };

  return (
    <section className="patients-page">
      <div className="page-heading">
        <h1>{t('patients.title')}</h1>
        <Button onClick={create}>{t('patients.new')}</Button>
      </div>
      <PatientSearchBox
        label={t('patients.search.label')}
        hint={t('patients.search.hint')}
        initialQuery={urlQuery}
        onQueryChange={remember}
        onSelect={(patient) => navigate(`/patients/${patient.id}`)}
        limit={20}
        autoFocus
      />
    </section>
  );
}
