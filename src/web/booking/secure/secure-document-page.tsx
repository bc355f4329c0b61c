import { useCallback, useEffect, useState } from 'react';
import type { SecureLinkInfo } from '../../../contracts/documents';
import { ApiError, api } from '../../shared/api';
import { Alert } from '../../shared/ui/alert';
import { Button } from '../../shared/ui/button';
import { useI18n } from '../i18n';
import { usePageTitle } from '../ui/page-frame';
import { SecureAccess } from './secure-access';
import { securePaths } from './secure-paths';

type Load =
  | { kind: 'loading' }
  | { kind: 'missing' }
  | { kind: 'expired' }
  | { kind: 'failed' }
  | { kind: 'ready'; info: SecureLinkInfo };

/**
 * `/rdv/document/<token>`, the secure results channel (DOC-5): a document sent to someone who does not
 * use the app. Before the SMS code the page says who sent it, where the code goes and until when —
 * nothing about the document; an expired or revoked link says so and sends the reader to the practice.
 */
export function SecureDocumentPage({ token }: { token: string }) {
  const { t } = useI18n();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  usePageTitle(t('secure.title'), load.kind === 'ready' ? load.info.practiceName : null);

  const fetchInfo = useCallback(() => {
    setLoad({ kind: 'loading' });
    api
      .get<SecureLinkInfo>(securePaths(token).info)
      .then((info) => setLoad({ kind: 'ready', info }))
      .catch((error: unknown) => {
        if (!(error instanceof ApiError)) setLoad({ kind: 'failed' });
        else if (error.status === 410) setLoad({ kind: 'expired' });
        else if (error.status === 404 || error.status === 400) setLoad({ kind: 'missing' });
        else setLoad({ kind: 'failed' });
      });
  }, [token]);
  useEffect(fetchInfo, [fetchInfo]);

  return (
    <>
      <h1>{t('secure.title')}</h1>
      {load.kind === 'loading' ? <p className="loading">{t('common.loading')}</p> : null}
      {load.kind === 'missing' ? <Alert tone="error">{t('secure.notFound')}</Alert> : null}
      {load.kind === 'expired' ? <Alert tone="error">{t('secure.expired')}</Alert> : null}
      {load.kind === 'failed' ? (
        <>
          <Alert tone="error">{t('common.networkError')}</Alert>
          <Button onClick={fetchInfo}>{t('common.retry')}</Button>
        </>
      ) : null}
      {load.kind === 'ready' ? (
        <SecureAccess token={token} info={load.info} onExpired={() => setLoad({ kind: 'expired' })} />
      ) : null}
    </>
  );
}
