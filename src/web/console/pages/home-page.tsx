import type { StaffMe } from '../../../contracts/staff-auth';
import { ofPracticeFr } from '../../../domain/practice-name';
import { CalendarFeedCard } from '../feeds/calendar-feed-card';
import { useI18n } from '../i18n';

export function HomePage({ me }: { me: StaffMe }) {
  const { t } = useI18n();
  return (
    <section>
      <h1>{t('home.hello', { name: me.firstName })}</h1>
      <p>{t('home.intro', { practice: me.practice.name, ofPractice: ofPracticeFr(me.practice.name) })}</p>
      <p className="muted">{t('home.next')}</p>
      <CalendarFeedCard me={me} />
    </section>
  );
}
