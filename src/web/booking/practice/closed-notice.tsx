import type { PublicPractice } from '../../../contracts/practice';
import { useI18n } from '../i18n';
import type { BookingKey } from '../i18n/fr';
import { PhoneLink } from '../ui/contact-links';

/** Online booking closed (SET-1, SET-7): say it plainly, with the phone to call and the opening hours. */
export function ClosedNotice({ practice }: { practice: PublicPractice }) {
  const { t } = useI18n();
  const days = [1, 2, 3, 4, 5, 6, 7]
    .map((weekday) => ({
      weekday,
      periods: practice.openingHours.filter((period) => period.weekday === weekday),
    }))
    .filter((day) => day.periods.length > 0);
  return (
    <>
      <section className="card closed" aria-labelledby="closed-title">
        <h2 id="closed-title">{t('closed.title')}</h2>
        {practice.phone ? (
          <>
            <p>{t('closed.call')}</p>
            <PhoneLink phone={practice.phone} large />
          </>
        ) : (
          <p>{t('call.noPhone')}</p>
        )}
      </section>
      {days.length > 0 ? (
        <section className="card" aria-labelledby="hours-title">
          <h2 id="hours-title">{t('closed.hours')}</h2>
          <dl className="hours">
            {days.map((day) => (
              <div key={day.weekday}>
                <dt>{t(`day.${day.weekday}` as BookingKey)}</dt>
                <dd>
                  {day.periods
                    .map((period) => t('closed.period', { opens: period.opens, closes: period.closes }))
                    .join(', ')}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
    </>
  );
}
