import { useId, useRef, useState } from 'react';
import { Alert } from '../../shared/ui/alert';
import { Button } from '../../shared/ui/button';
import { useI18n } from '../i18n';

/** The URL just created, shown this once: read-only, selectable, with a copy button and a webcal link. */
export function FeedUrlBox({ url }: { url: string }) {
  const { t } = useI18n();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<'idle' | 'done' | 'failed'>('idle');
  const local = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])([:/]|$)/.test(url);

  const copyUrl = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopy('done');
    } catch {
      // no clipboard (plain http, old browser): select the text so a long press or Ctrl+C copies it
      input.current?.select();
      setCopy('failed');
    }
  };

  return (
    <div className="feed-url">
      <div className="field">
        <label htmlFor={id}>{t('feeds.urlLabel')}</label>
        <p id={`${id}-hint`} className="field__hint">
          {t('feeds.urlOnce')}
        </p>
        <input
          id={id}
          ref={input}
          className="feed-url__input"
          value={url}
          readOnly
          spellCheck={false}
          aria-describedby={`${id}-hint`}
          onFocus={(event) => event.target.select()}
        />
      </div>
      <div className="form-actions">
        <Button onClick={() => void copyUrl()}>{t('feeds.copy')}</Button>
        <a className="button button--secondary" href={url.replace(/^https?:\/\//, 'webcal://')}>
          {t('feeds.openHere')}
        </a>
      </div>
      <div role="status">
        {copy === 'done' ? <p className="alert alert--success">{t('feeds.copied')}</p> : null}
      </div>
      {copy === 'failed' ? <Alert tone="error">{t('feeds.copyFailed')}</Alert> : null}
      {local ? <Alert tone="info">{t('feeds.localOnly')}</Alert> : null}
    </div>
  );
}
