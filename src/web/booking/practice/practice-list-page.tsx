import { useCallback, useEffect, useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { PracticeSummary } from '../../../contracts/practice';
import { api } from '../../shared/api';
import { Alert } from '../../shared/ui/alert';
import { Button } from '../../shared/ui/button';
import { useI18n } from '../i18n';
import { usePageTitle } from '../ui/page-frame';

type Load = { kind: 'loading' } | { kind: 'failed' } | { kind: 'ready'; practices: PracticeSummary[] };

/** `/rdv/`: the practices of this server; with only one, its booking page at once. */
export function PracticeListPage() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  usePageTitle(t('list.title'), null);

  const fetchList = useCallback(() => {
    setLoad({ kind: 'loading' });
    api
      .get<{ items: PracticeSummary[] }>('/api/public/practices')
      .then(({ items }) => {
        const [only] = items;
        if (items.length === 1 && only) navigate(`/${encodeURIComponent(only.slug)}`, { replace: true });
        else setLoad({ kind: 'ready', practices: items });
      })
      .catch(() => setLoad({ kind: 'failed' }));
  }, [navigate]);
  useEffect(fetchList, [fetchList]);

  return (
    <>
      <h1>{t('list.title')}</h1>
      {load.kind === 'loading' ? <p className="loading">{t('common.loading')}</p> : null}
      {load.kind === 'failed' ? (
        <>
          <Alert tone="error">{t('common.networkError')}</Alert>
          <Button onClick={fetchList}>{t('common.retry')}</Button>
        </>
      ) : null}
      {load.kind === 'ready' && load.practices.length === 0 ? <p>{t('list.none')}</p> : null}
      {load.kind === 'ready' && load.practices.length > 0 ? (
        <ul className="choice-list">
          {load.practices.map((practice) => (
            <li key={practice.slug}>
              <Link
                className="choice"
                href={`/${encodeURIComponent(practice.slug)}`}
                onClick={() => window.scrollTo(0, 0)}
              >
                <span className="choice__title">{practice.name}</span>
                {practice.city ? <span className="choice__meta">{practice.city}</span> : null}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
