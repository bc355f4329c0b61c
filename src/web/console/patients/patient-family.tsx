import { Link } from 'wouter';
import type { PatientDetail } from '../../../contracts/patients';
import { displayDate } from '../../shared/dates';
import { useI18n } from '../i18n';
import { displayPhone } from './format';
import { type RelatedPatient, type RelationRole, relationRoles } from './patient-draft';

interface Relative {
  person: RelatedPatient;
  roles: RelationRole[];
}

/** One line per person: a father who is parent 1 and guarantor is listed once with both roles. */
function byPerson(related: RelatedPatient[]): Relative[] {
  const people = new Map<string, Relative>();
  for (const person of related) {
    const known = people.get(person.id);
    if (known) known.roles.push(person.role);
    else people.set(person.id, { person, roles: [person.role] });
  }
  for (const relative of people.values()) {
    relative.roles.sort((a, b) => relationRoles.indexOf(a) - relationRoles.indexOf(b));
  }
  return [...people.values()];
}

interface RelativeListProps {
  relatives: Relative[];
  empty: string;
  /** how the roles read: "Parent 1" for a responsable, "responsable as parent 1" for a dependant */
  describe: (roles: string) => string;
}

function RelativeList({ relatives, empty, describe }: RelativeListProps) {
  const { t, lang } = useI18n();
  if (relatives.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="relatives">
      {relatives.map(({ person, roles }) => (
        <li key={person.id}>
          <Link href={`/patients/${person.id}`}>
            {person.lastName} {person.firstName}
          </Link>
          <span className="muted"> · {displayDate(person.birthDate, lang)}</span>
          <br />
          <span className="relatives__roles">
            {describe(roles.map((role) => t(`patients.role.${role}`)).join(', '))}
          </span>
          {person.mobilePhone ? (
            <>
              {' · '}
              <a href={`tel:${person.mobilePhone}`}>{displayPhone(person.mobilePhone)}</a>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** Responsables (parents, guarantor) and proches, each a link to their own file (PAT-2). */
export function PatientFamily({ patient }: { patient: PatientDetail }) {
  const { t } = useI18n();
  return (
    <div className="patient-cards">
      <section className="card" aria-labelledby="patient-responsables">
        <h2 id="patient-responsables">{t('patients.section.responsables')}</h2>
        <RelativeList
          relatives={byPerson(patient.responsables)}
          empty={t('patients.family.noResponsable')}
          describe={(roles) => roles}
        />
      </section>
      <section className="card" aria-labelledby="patient-dependants">
        <h2 id="patient-dependants">{t('patients.section.dependants')}</h2>
        <RelativeList
          relatives={byPerson(patient.dependants)}
          empty={t('patients.family.noDependant')}
          describe={(roles) => t('patients.family.asRoles', { roles })}
        />
      </section>
    </div>
  );
}
