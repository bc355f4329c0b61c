import type { PatientPractice } from '../../../contracts/patient-app';
import { useI18n } from '../i18n';
import type { PatientKey } from '../i18n/fr';
import { PhoneLink } from '../ui/contact-links';
import { LoadFailure, Loading } from '../ui/load-failure';
import { PageTitle } from '../ui/page-title';
import { useLoad } from '../use-load';

const weekdays: PatientKey[] = [
  'weekday.1',
  'weekday.2',
  'weekday.3',
  'weekday.4',
  'weekday.5',
  'weekday.6',
  'weekday.7',
];

/**
 * APP-6, "Mon cabinet": name, address (opens navigation), email (mailto:), phone (tel:), opening hours and
 * the practice's other locations.
 */
export function PracticePage() {
  const { t } = useI18n();
  const { load, reload } = useLoad<PatientPractice>('/api/patient/practice');
  return (
    <>
      <PageTitle>{t('practice.title')}</PageTitle>
      {load.kind === 'loading' ? <Loading /> : null}
      {load.kind === 'failed' ? <LoadFailure error={load.error} onRetry={reload} /> : null}
      {load.kind === 'ready' ? <PracticeDetails practice={load.data} /> : null}
    </>
  );
}

function PracticeDetails({ practice }: { practice: PatientPractice }) {
  const { t } = useI18n();
  const address = [practice.addressLine, [practice.postalCode, practice.city].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  const others = practice.locations.filter(
    (location) => `${location.addressLine}, ${location.postalCode} ${location.city}` !== address,
  );
  return (
    <>
      <section className="card home-card" aria-labelledby="practice-name">
        <h2 id="practice-name">{practice.name}</h2>
        <dl className="contact">
          {address ? (
            <div>
              <dt>{t('practice.address')}</dt>
              <dd>
                {practice.mapUrl ? (
                  <a href={practice.mapUrl} target="_blank" rel="noopener noreferrer">
                    {address}
                    <span className="visually-hidden"> {t('practice.opensMap')}</span>
                  </a>
                ) : (
                  address
                )}
              </dd>
            </div>
          ) : null}
          {practice.phone ? (
            <div>
              <dt>{t('practice.phone')}</dt>
              <dd>
                <PhoneLink phone={practice.phone} />
              </dd>
            </div>
          ) : null}
          {practice.email ? (
            <div>
              <dt>{t('practice.email')}</dt>
              <dd>
                <a className="contact-link" href={`mailto:${practice.email}`}>
                  {practice.email}
                </a>
              </dd>
            </div>
          ) : null}
        </dl>
      </section>
      <section className="card home-card" aria-labelledby="practice-hours">
        <h2 id="practice-hours">{t('practice.hours')}</h2>
        <OpeningHours practice={practice} />
      </section>
      {others.length > 0 ? (
        <section className="card home-card" aria-labelledby="practice-locations">
          <h2 id="practice-locations">{t('practice.locations')}</h2>
          <ul className="locations">
            {others.map((location) => {
              const where = `${location.addressLine}, ${location.postalCode} ${location.city}`;
              return (
                <li key={location.id}>
                  <strong>{location.name}</strong>
                  <br />
                  <a href={location.mapUrl} target="_blank" rel="noopener noreferrer">
                    {where}
                    <span className="visually-hidden"> {t('practice.opensMap')}</span>
                  </a>
                  {location.phone ? (
                    <>
                      <br />
                      <PhoneLink phone={location.phone} />
                    </>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function OpeningHours({ practice }: { practice: PatientPractice }) {
  const { t } = useI18n();
  if (practice.openingHours.length === 0) return <p className="muted">{t('practice.noHours')}</p>;
  return (
    <dl className="hours">
      {weekdays.map((label, index) => {
        const periods = practice.openingHours
          .filter((period) => period.weekday === index + 1)
          .sort((a, b) => a.opens.localeCompare(b.opens));
        return (
          <div key={label}>
            <dt>{t(label)}</dt>
            <dd>
              {periods.length === 0
                ? t('practice.closed')
                : periods
                    .map((period) => t('practice.period', { opens: period.opens, closes: period.closes }))
                    .join(', ')}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
