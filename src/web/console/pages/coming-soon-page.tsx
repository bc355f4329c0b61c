import { useI18n } from '../i18n';
import type { ConsoleKey } from '../i18n/fr';

/** An area of the console that later releases fill in; says so plainly instead of a blank page. */
export function ComingSoonPage({ area }: { area: ConsoleKey }) {
  const { t } = useI18n();
  return (
    <section>
      <h1>{t('soon.title', { area: t(area) })}</h1>
      <p className="muted">{t('soon.body')}</p>
    </section>
  );
}
