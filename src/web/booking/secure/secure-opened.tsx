import { Alert } from '../../shared/ui/alert';
import { useI18n } from '../i18n';
import { StepHeading } from '../ui/step-heading';

/** After the right code: the document's title, a link to open it again, and until when it works. */
export function SecureOpened({ title, until, href }: { title: string; until: string; href: string }) {
  const { t } = useI18n();
  return (
    <section className="step" aria-labelledby="secure-opened">
      <StepHeading id="secure-opened">{t('secure.openedTitle')}</StepHeading>
      <Alert tone="success">{t('secure.opened')}</Alert>
      <p>
        <a className="button button--primary button-link button--block" href={href}>
          {t('secure.openAgain', { title })}
        </a>
      </p>
      <p>{t('secure.openedUntil', { time: until })}</p>
    </section>
  );
}
