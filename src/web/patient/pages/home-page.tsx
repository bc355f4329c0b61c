import type { ReactNode } from 'react';
import { Link } from 'wouter';
import type { AppModule, PatientAppointment, PatientHome } from '../../../contracts/patient-app';
import { displayDate } from '../../shared/dates';
import { Button } from '../../shared/ui/button';
import { type Audience, audienceOf, signedInPerson } from '../audience';
import { dayLabel, fullName, timeLabel } from '../format';
import { useI18n } from '../i18n';
import type { PatientKey } from '../i18n/fr';
import { builtModules, comingModules } from '../modules';
import { useSession } from '../session';
import { Loading } from '../ui/load-failure';
import { PageTitle } from '../ui/page-title';
import { type Load, useLoad } from '../use-load';
import { CarteVitaleWarning } from './carte-vitale-warning';
import {
  CalendarIcon,
  DocumentIcon,
  FormIcon,
  ImagingIcon,
  MessageIcon,
  PaymentIcon,
  PracticeIcon,
} from './home-icons';

/** The home's figures (GET, one answer for every tile). */
export const homePath = '/api/patient/home';

const icons: Record<AppModule, () => ReactNode> = {
  appointments: CalendarIcon,
  messaging: MessageIcon,
  documents: DocumentIcon,
  payments: PaymentIcon,
  imaging: ImagingIcon,
  questionnaires: FormIcon,
};

/** What a built module's tile counts, and how it says the figure (plural forms in the dictionaries). */
const figures = {
  messaging: { of: (home: PatientHome) => home.unreadMessages, some: 'home.unread', none: 'home.noUnread' },
  documents: {
    of: (home: PatientHome) => home.documentsToSign,
    some: 'home.toSign',
    none: 'home.noneToSign',
  },
} as const satisfies Partial<
  Record<AppModule, { of: (home: PatientHome) => number | null; some: PatientKey; none: PatientKey }>
>;

/**
 * APP-2, the home (issue 9 §3.15), after Mon Cabinet Dentaire's: the family's next appointment as the first
 * tile, a tile with an icon for each module the practice switched on — unread messages and documents to
 * sign counted in words for the whole family the phone sees — then the patients of the phone and the
 * menu. The words fit who signed in: a minor, or someone alone on the phone, is not told about "your
 * family".
 */
export function HomePage() {
  const { t } = useI18n();
  const { me } = useSession();
  const { load } = useLoad<PatientHome>(homePath);
  const modules = load.kind === 'ready' ? load.data.modules : me.modules;
  const audience = audienceOf(me);
  // The home shows once its figures are in (asked for with the session, see `primeLoad`), all at once:
  // nothing on it then moves when they arrive (no layout shift), and the tiles' sizes are fixed anyway.
  if (load.kind === 'loading') return <Loading />;

  return (
    <>
      <PageTitle home={false}>{t('home.hello', { name: signedInPerson(me)?.firstName ?? '' })}</PageTitle>
      {modules.appointments.enabled ? <NextAppointment load={load} /> : null}
      <section className="home-card" aria-labelledby="modules-title">
        <h2 id="modules-title">{t('home.modules')}</h2>
        {audience === 'family' ? <p className="muted small">{t('home.familyScope')}</p> : null}
        <ul className="tiles">
          {builtModules
            .filter((entry) => modules[entry.module].enabled)
            .map((entry) => (
              <li key={entry.module}>
                <Tile href={entry.href} icon={icons[entry.module]()} label={t(entry.label)}>
                  <Figure load={load} figure={figures[entry.module]} />
                </Tile>
              </li>
            ))}
          {comingModules
            .filter((entry) => modules[entry.module].enabled)
            .map((entry) => (
              <li key={entry.module}>
                <Tile href={`/bientot/${entry.path}`} icon={icons[entry.module]()} label={t(entry.label)}>
                  <span className="tile__status tile__soon">{t('home.soon')}</span>
                </Tile>
              </li>
            ))}
          <li>
            <Tile href="/cabinet" icon={<PracticeIcon />} label={t('tile.practice')}>
              <span className="tile__status">{t('home.practiceHint')}</span>
            </Tile>
          </li>
        </ul>
      </section>
      {audience !== 'alone' && me.family.length > 1 ? <PhonePatients audience={audience} /> : null}
      <Menu audience={audience} />
    </>
  );
}

function Tile({
  href,
  icon,
  label,
  children,
}: {
  href: string;
  icon: ReactNode;
  label: string;
  children: ReactNode;
}) {
  return (
    <Link href={href} className="tile">
      {icon}
      <span className="tile__label">{label}</span> {children}
    </Link>
  );
}

/** A tile's figure in words ("2 messages non lus"), its number also shown large; a line kept while loading. */
function Figure({
  load,
  figure,
}: {
  load: Load<PatientHome>;
  figure: (typeof figures)[keyof typeof figures];
}) {
  const { t } = useI18n();
  if (load.kind !== 'ready') return <span className="tile__status muted">{t('home.figureUnknown')}</span>;
  const count = figure.of(load.data);
  if (count === null) return <span className="tile__status" />;
  return (
    <span className={`tile__status${count > 0 ? ' tile__status--news' : ''}`}>
      {count > 0 ? (
        <span className="tile__count" aria-hidden="true">
          {count}
        </span>
      ) : null}
      {count > 0 ? t(figure.some, { count }) : t(figure.none)}
    </span>
  );
}

/**
 * The first tile: the family's next appointment (date, time, practitioner, for whom, Carte Vitale), the
 * whole of it a link to the appointments.
 */
function NextAppointment({ load }: { load: Load<PatientHome> }) {
  const { t } = useI18n();
  return (
    <section className="card home-card next" aria-labelledby="next-title">
      <h2 id="next-title">{t('home.next')}</h2>
      {load.kind === 'ready' ? (
        <NextAppointmentLink appointment={load.data.nextAppointment} />
      ) : (
        <Link href="/rdv" className="next__link">
          <CalendarIcon />
          <span className="next__body">
            <span className="next__line muted">{t('home.nextUnknown')}</span>
            <span className="next__more">{t('home.toAppointments')}</span>
          </span>
        </Link>
      )}
    </section>
  );
}

function NextAppointmentLink({ appointment }: { appointment: PatientAppointment | null }) {
  const { t, lang } = useI18n();
  const { me, choosePerson } = useSession();
  if (!appointment) {
    return (
      <Link href="/rdv" className="next__link">
        <CalendarIcon />
        <span className="next__body">
          <span className="next__line">{t('home.noNext')}</span>
          <span className="next__more">{t('home.toAppointments')}</span>
        </span>
      </Link>
    );
  }
  const { timeZone } = appointment.practice;
  return (
    <>
      <Link href="/rdv" className="next__link" onClick={() => choosePerson(appointment.patientId)}>
        <CalendarIcon />
        <span className="next__body">
          <span className="next__when">
            {t('appointment.when', {
              day: dayLabel(appointment.startsAt, timeZone, lang),
              time: timeLabel(appointment.startsAt, timeZone, lang),
            })}
          </span>
          <span className="next__line">
            {fullName(appointment.practitioner)} · {appointment.motif.name}
          </span>
          {me.family.length > 1 ? (
            <span className="next__line">
              {t('appointment.for', { name: fullName(appointment.patient) })}
            </span>
          ) : null}
          <span className="next__more">{t('home.toAppointments')}</span>
        </span>
      </Link>
      {appointment.carteVitaleToRead ? <CarteVitaleWarning /> : null}
    </>
  );
}

/** The files this phone reaches and whose one the screens show; said without "your children" to a minor. */
function PhonePatients({ audience }: { audience: Exclude<Audience, 'alone'> }) {
  const { t, lang } = useI18n();
  const { me, person } = useSession();
  return (
    <section className="card home-card" aria-labelledby="family-title">
      <h2 id="family-title">{t('home.family')}</h2>
      <p className="muted small">{t(audience === 'family' ? 'home.familyHint' : 'home.phoneHint')}</p>
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
      <Link href="/famille">{t(audience === 'family' ? 'home.manageFamily' : 'home.choosePerson')}</Link>
    </section>
  );
}

/**
 * The menu of the seed's app. Its family entry says what the family screen offers to whom it is shown:
 * managing the family, choosing whose file is shown (a minor with others on the phone; a minor never asks
 * to add a dependant), or asking to add one (an adult alone).
 */
function Menu({ audience }: { audience: Audience }) {
  const { t } = useI18n();
  const { me, signOut } = useSession();
  const familyEntry: PatientKey | null =
    audience === 'family'
      ? 'menu.family'
      : audience === 'alone'
        ? 'menu.addDependant'
        : me.family.length > 1
          ? 'menu.phonePatients'
          : null;
  return (
    <nav className="card home-card" aria-labelledby="menu-title">
      <h2 id="menu-title">{t('menu.title')}</h2>
      <ul className="menu">
        <li>
          <Link href="/mes-infos">{t('menu.info')}</Link>
        </li>
        {familyEntry ? (
          <li>
            <Link href="/famille">{t(familyEntry)}</Link>
          </li>
        ) : null}
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
  );
}
