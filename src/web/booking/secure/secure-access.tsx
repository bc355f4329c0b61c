import { useEffect, useState } from 'react';
import type { SecureLinkInfo } from '../../../contracts/documents';
import type { CodeChallenge } from '../../../contracts/patient-auth';
import { api, isApiError } from '../../shared/api';
import { Alert } from '../../shared/ui/alert';
import { Button } from '../../shared/ui/button';
import { useI18n } from '../i18n';
import { deviceDayAndTime } from './device-time';
import { useRememberedAccess } from './remembered-access';
import { SecureCodeForm } from './secure-code-form';
import { failureText } from './secure-failure';
import { SecureLinkSummary } from './secure-link-summary';
import { SecureOpened } from './secure-opened';
import { securePaths } from './secure-paths';

/**
 * The way into the document: "Recevoir le code par SMS", the code, then the file. A right code opens
 * the file at once (the server lets this browser download it for 15 minutes); the page stays behind it
 * with a link to open it again.
 */
export function SecureAccess({
  token,
  info,
  onExpired,
}: {
  token: string;
  info: SecureLinkInfo;
  onExpired: () => void;
}) {
  const { t, lang } = useI18n();
  const paths = securePaths(token);
  const [access, setAccess] = useRememberedAccess(token);
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // once the download window closes, the reader asks for a new code on the same link
  const until = access.step === 'opened' ? Date.parse(access.until) : null;
  useEffect(() => {
    if (until === null) return;
    const timer = window.setTimeout(() => setAccess({ step: 'ask' }), Math.max(0, until - Date.now()));
    return () => window.clearTimeout(timer);
  }, [until, setAccess]);

  const ask = async () => {
    setAsking(true);
    setError(null);
    try {
      const challenge = await api.post<CodeChallenge>(paths.code);
      setAccess({ step: 'code', challenge, sentAt: Date.now() });
    } catch (caught) {
      if (isApiError(caught, 'LINK_EXPIRED')) onExpired();
      else setError(failureText(caught, t));
    } finally {
      setAsking(false);
    }
  };

  const summary = <SecureLinkSummary info={info} explain={access.step === 'ask'} />;
  if (access.step === 'code') {
    return (
      <>
        {summary}
        <SecureCodeForm
          token={token}
          challenge={access.challenge}
          sentAt={access.sentAt}
          onChallenge={(challenge) => setAccess({ step: 'code', challenge, sentAt: Date.now() })}
          onOpened={(opened) => {
            setAccess({ step: 'opened', title: opened.documentTitle, until: opened.accessExpiresAt });
            window.location.assign(paths.file);
          }}
          onExpired={onExpired}
        />
      </>
    );
  }
  if (access.step === 'opened') {
    const { time } = deviceDayAndTime(access.until, lang);
    return (
      <>
        {summary}
        <SecureOpened title={access.title} until={time} href={paths.file} />
      </>
    );
  }
  return (
    <>
      {summary}
      <div className="step">
        {error ? <Alert tone="error">{error}</Alert> : null}
        <Button busy={asking} className="button--block" onClick={() => void ask()}>
          {t('secure.askCode')}
        </Button>
        <p className="secure__hint">{t('secure.notYourPhone')}</p>
      </div>
    </>
  );
}
