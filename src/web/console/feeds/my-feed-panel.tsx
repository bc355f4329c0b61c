import { useState } from 'react';
import type { StaffMe } from '../../../contracts/staff-auth';
import { Button } from '../../shared/ui/button';
import { ErrorAlert } from '../../shared/ui/error-alert';
import { useI18n } from '../i18n';
import { ConfirmDialog } from '../settings/common/confirm-dialog';
import { Flash, useFlash } from '../settings/common/flash';
import { ResourceState } from '../settings/common/resource-state';
import { useResource } from '../settings/common/use-resource';
import { type CalendarFeedList, type FeedPatientDetail, feedApi, feedDate, feedsPath } from './feed-api';
import { FeedInstructions } from './feed-instructions';
import { FeedUrlBox } from './feed-url-box';

const showsKey = {
  initials: 'feeds.shows.initials',
  full: 'feeds.shows.full',
  none: 'feeds.shows.none',
} as const satisfies Record<FeedPatientDetail, string>;

/** A practitioner's own calendar URL: create it (shown once), regenerate or revoke it, with how to use it. */
export function MyFeedPanel({ me }: { me: StaffMe }) {
  const { t, lang } = useI18n();
  const list = useResource<CalendarFeedList>(feedsPath);
  const [createdUrl, setCreatedUrl] = useState<string | null>(null);
  const [asking, setAsking] = useState<'regenerate' | 'revoke' | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [flash, setFlash] = useFlash();
  const feed = list.data?.items.find((item) => item.practitionerId === me.id) ?? null;

  const create = async () => {
    const created = await feedApi.create(me.id);
    setCreatedUrl(created.url);
    setAsking(null);
    await list.reload();
  };

  const createFirst = async () => {
    setBusy(true);
    setError(null);
    try {
      await create();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card feed-card" aria-labelledby="feed-card-title">
      <h2 id="feed-card-title">{t('feeds.title')}</h2>
      <p>{t('feeds.intro')}</p>
      {list.data ? (
        <p className="muted">
          {t(showsKey[list.data.patientDetail])} {t('feeds.never')}
        </p>
      ) : null}
      <Flash message={flash} />
      {list.data === null ? (
        <ResourceState error={list.error} onRetry={() => void list.reload()} />
      ) : (
        <>
          {createdUrl ? <FeedUrlBox url={createdUrl} /> : null}
          {feed?.active && !createdUrl && feed.createdAt ? (
            <>
              <p>{t('feeds.activeSince', { date: feedDate(feed.createdAt, lang, me.practice.timeZone) })}</p>
              <p className="muted">{t('feeds.lostHint')}</p>
            </>
          ) : null}
          {!feed?.active ? <p>{t('feeds.none')}</p> : null}
          <ErrorAlert error={error} withFields />
          <div className="form-actions">
            {feed?.active ? (
              <>
                <Button variant="secondary" onClick={() => setAsking('regenerate')}>
                  {t('feeds.regenerate')}
                </Button>
                <Button variant="secondary" onClick={() => setAsking('revoke')}>
                  {t('feeds.revoke')}
                </Button>
              </>
            ) : (
              <Button busy={busy} onClick={() => void createFirst()}>
                {t('feeds.create')}
              </Button>
            )}
          </div>
        </>
      )}
      <FeedInstructions open={createdUrl !== null} />
      {asking === 'regenerate' ? (
        <ConfirmDialog
          title={t('feeds.regenerateTitle')}
          confirmLabel={t('feeds.regenerateConfirm')}
          onClose={() => setAsking(null)}
          onConfirm={create}
        >
          <p>{t('feeds.regenerateBody')}</p>
        </ConfirmDialog>
      ) : null}
      {asking === 'revoke' ? (
        <ConfirmDialog
          title={t('feeds.revokeTitle')}
          confirmLabel={t('feeds.revokeConfirm')}
          onClose={() => setAsking(null)}
          onConfirm={async () => {
            await feedApi.revoke(me.id);
            setAsking(null);
            setCreatedUrl(null);
            setFlash(t('feeds.revoked'));
            await list.reload();
          }}
        >
          <p>{t('feeds.revokeBody')}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
