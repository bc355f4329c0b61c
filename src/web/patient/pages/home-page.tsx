import { Link } from 'wouter';
import type { PatientAppointment, PatientHome } from '../../../contracts/patient-app';
import { displayDate } from '../../shared/dates';
import { Button } from '../../shared/ui/button';
import { dayLabel, fullName, timeLabel } from '../format';
import { useI18n } from '../i18n';
import { builtModules, comingModules } from '../modules';
import { useSession } from '../session';
import { PageTitle } from '../ui/page-title';
import { useLoad } from '../use-load';
import { CarteVitaleWarning } from './carte-vitale-warning';

/**
 * APP-2, the home: the family's next appointment (with the Carte Vitale warning), a tile for each module
 * the practice switched on, the patients of the phone and the menu.
 */
export function HomePage() {
  const { t } = useI18n();
  const { me, signOut } = useSession();
  const { load } = useLoad<PatientHome>('/api/patient/home');
  const modules = load.kind === 'ready' ? load.data.modules : me.modules;
  const self = me.family.find((member) => member.isSelf) ?? me.family[0];

  return (
    <>
      <PageTitle home={false}>{t('home.hello', { name: self?.firstName ?? '' })}</PageTitle>
      {modules.appointments.enabled ? (
        <section className="card home-card" aria-labelledby="next-title">
          <h2 id="next-title">{t('home.next')}</h2>
          {load.kind === 'loading' ? <p className="muted">{t('common.loading')}</p> : null}
          {load.kind === 'failed' ? <p className="muted">{t('home.nextUnknown')}</p> : null}
          {load.kind === 'ready' ? <NextAppointment appointment={load.data.nextAppointment} /> : null}
        </section>
      ) : null}
      <section className="home-card" aria-labelledby="modules-title">
        <h2 id="modules-title">{t('home.modules')}</h2>
        <ul className="tiles">
          {modules.appointments.enabled ? (
            <li>
              <Link href="/rdv" className="tile">
                <span className="tile__label">{t('tile.appointments')}</span>
              </Link>
            </li>
          ) : null}
          {builtModules
            .filter((entry) => modules[entry.module].enabled)
            .map((entry) => (
              <li key={entry.module}>
                <Link href={entry.href} className="tile">
                  <span className="tile__label">{t(entry.label)}</span>
                </Link>
              </li>
            ))}
          {comingModules
            .filter((entry) => modules[entry.module].enabled)
            .map((entry) => (
              <li key={entry.module}>
                <Link href={`/bientot/${entry.path}`} className="tile">
                  <span className="tile__label">{t(entry.label)}</span>
                  <span className="tile__soon">{t('home.soon')}</span>
                </Link>
              </li>
            ))}
          <li>
            <Link href="/cabinet" className="tile">
              <span className="tile__label">{t('tile.practice')}</span>
            </Link>
          </li>
        </ul>
      </section>
      <FamilySummary />
      <nav className="card home-card" aria-labelledby="menu-title">
        <h2 id="menu-title">{t('menu.title')}</h2>
        <ul className="menu">
          <li>
            <Link href="/mes-infos">{t('menu.info')}</Link>
          </li>
          <li>
            <Link href="/famille">{t('menu.family')}</Link>
          </li>
          <li>
            <Link href="/cabinet">{t('menu.practice')}</Link>
          </li>
          <li>
            <Link href="/rappels">{t('menu.reminders')}</Link>
          </li>
          <li>
            <Link href="/appareils">{t('menu.devices')}</Link>
          </li>
        </ul>
        <Button variant="secondary" className="button--block" onClick={() => void signOut()}>
          {t('common.signOut')}
        </Button>
      </nav>
    </>
  );
}

function NextAppointment({ appointment }: { appointment: PatientAppointment | null }) {
  const { t, lang } = useI18n();
  const { choosePerson } = useSession();
  if (!appointment) {
    return (
      <>
        <p className="muted">{t('home.noNext')}</p>
        <Link href="/rdv" className="button button--secondary link-button">
          {t('home.toAppointments')}
        </Link>
      </>
    );
  }
  const { timeZone } = appointment.practice;
  return (
    <>
      <p className="next__when">
        {t('appointment.when', {
          day: dayLabel(appointment.startsAt, timeZone, lang),
          time: timeLabel(appointment.startsAt, timeZone, lang),
        })}
      </p>
      <p className="next__line">
        {fullName(appointment.practitioner)} · {appointment.motif.name}
      </p>
      <p className="next__line">{t('appointment.for', { name: fullName(appointment.patient) })}</p>
      {appointment.carteVitaleToRead ? <CarteVitaleWarning /> : null}
      <Link
        href="/rdv"
        className="button button--secondary link-button"
        onClick={() => choosePerson(appointment.patientId)}
      >
        {t('home.toAppointments')}
      </Link>
    </>
  );
}

function FamilySummary() {
  const { t, lang } = useI18n();
  const { me, person } = useSession();
  return (
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
            {member.id === person.id ? <span className="badge badge--shown">{t('family.shown')}</span> : null}
            <span className="muted small">
              {' '}
              · {t('home.born', { date: displayDate(member.birthDate, lang) })}
            </span>
          </li>
        ))}
      </ul>
      <Link href="/famille">{t('home.manageFamily')}</Link>
    </section>
  );
}
