import type { PatientMe } from '../../../contracts/patient-auth';
import { displayDate } from '../../shared/dates';
import { useI18n } from '../i18n';
import type { PatientKey } from '../i18n/fr';

const tiles: PatientKey[] = ['tile.appointments', 'tile.messages', 'tile.documents', 'tile.practice'];

/** APP-2 home. Appointment details and the modules arrive with the scheduling and patient-app work. */
export function HomePage({ me }: { me: PatientMe }) {
  const { t, lang } = useI18n();
  const self = me.family.find((member) => member.isSelf) ?? me.family[0];
  return (
    <>
      <h1>{t('home.hello', { name: self?.firstName ?? '' })}</h1>
      <section className="card home-card" aria-labelledby="next-title">
        <h2 id="next-title">{t('home.next')}</h2>
        <p className="muted">{t('home.noNext')}</p>
      </section>
      <section className="home-card" aria-labelledby="modules-title">
        <h2 id="modules-title">{t('home.modules')}</h2>
        <ul className="tiles">
          {tiles.map((tile) => (
            <li key={tile} className="tile" aria-disabled="true">
              <span className="tile__label">{t(tile)}</span>
              <span className="tile__soon">{t('home.soon')}</span>
            </li>
          ))}
        </ul>
      </section>
      <section className="card home-card" aria-labelledby="family-title">
        <h2 id="family-title">{t('home.family')}</h2>
        <p className="muted small">{t('home.familyHint')}</p>
        <ul className="family">
          {me.family.map((member) => (
            <li key={member.id}>
              <strong>
                {member.firstName} {member.lastName}
              </strong>
              {member.isSelf ? <span className="badge">{t('home.you')}</span> : null}
              <span className="muted small">
                {' '}
                · {t('home.born', { date: displayDate(member.birthDate, lang) })}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
