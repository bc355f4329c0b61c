import { useI18n } from '../i18n';
import { comingModules } from '../modules';
import { useSession } from '../session';
import { CallPractice } from '../ui/contact-links';
import { ModuleDisabled } from '../ui/load-failure';
import { PageTitle } from '../ui/page-title';

/**
 * A module the practice switched on but the app does not offer yet (payments,
 * imaging, forms): says so politely, with the practice's phone meanwhile.
 */
export function ComingSoonPage({ path }: { path: string }) {
  const { t } = useI18n();
  const { me } = useSession();
  const entry = comingModules.find((candidate) => candidate.path === path);
  if (!entry) {
    return (
      <>
        <PageTitle>{t('notFound.title')}</PageTitle>
        <p>{t('notFound.body')}</p>
      </>
    );
  }
  return (
    <>
      <PageTitle>{t(entry.label)}</PageTitle>
      {me.modules[entry.module].enabled ? (
        <section className="card">
          <p>{t('soon.body')}</p>
          <CallPractice phone={me.practice.phone} />
        </section>
      ) : (
        <ModuleDisabled />
      )}
    </>
  );
}
