import { useId, useState } from 'react';
import { Button } from '../../shared/ui/button';
import { enc } from '../booking-api';
import { useI18n } from '../i18n';

/** The personal link to move or cancel online, shown in full and copyable (it is also in the messages). */
export function ManageLinkBox({ manageToken }: { manageToken: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const id = useId();
  const path = `/rdv/gerer/${enc(manageToken)}`;
  const url = `${window.location.origin}${path}`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };
  return (
    <section className="manage-link" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('manageLink.title')}</h3>
      <p className="small">{t('manageLink.intro')}</p>
      <label className="visually-hidden" htmlFor={`${id}-url`}>
        {t('manageLink.label')}
      </label>
      <input
        id={`${id}-url`}
        className="manage-link__url"
        readOnly
        value={url}
        onFocus={(event) => event.currentTarget.select()}
      />
      <div className="inline-actions">
        <Button variant="secondary" onClick={() => void copy()}>
          {t('manageLink.copy')}
        </Button>
        <a className="button button--primary button-link" href={path}>
          {t('manageLink.open')}
        </a>
      </div>
      <p className="small" role="status">
        {copied === 'yes' ? t('manageLink.copied') : copied === 'no' ? t('manageLink.copyFailed') : ''}
      </p>
    </section>
  );
}
