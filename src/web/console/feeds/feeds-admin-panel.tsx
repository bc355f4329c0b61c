import { useState } from 'react';
import type { StaffMe } from '../../../contracts/staff-auth';
import { Button } from '../../shared/ui/button';
import { useI18n } from '../i18n';
import { ConfirmDialog } from '../settings/common/confirm-dialog';
import { Flash, useFlash } from '../settings/common/flash';
import { ResourceState } from '../settings/common/resource-state';
import { useResource } from '../settings/common/use-resource';
import { type CalendarFeed, type CalendarFeedList, feedApi, feedDate, feedsPath } from './feed-api';
import { PatientDetailSetting } from './patient-detail-setting';

/** For an admin: which practitioners have a calendar URL, a way to revoke one, and what feeds show. */
export function FeedsAdminPanel({ me }: { me: StaffMe }) {
  const { t, lang } = useI18n();
  const list = useResource<CalendarFeedList>(feedsPath);
  const [revoking, setRevoking] = useState<CalendarFeed | null>(null);
  const [flash, setFlash] = useFlash();

  return (
    <section className="card feed-card" aria-labelledby="feed-admin-title">
      <h2 id="feed-admin-title">{t('feeds.admin.title')}</h2>
      <p>{t('feeds.admin.intro')}</p>
      <Flash message={flash} />
      {list.data === null ? (
        <ResourceState error={list.error} onRetry={() => void list.reload()} />
      ) : (
        <>
          {list.data.items.length === 0 ? (
            <p className="muted">{t('feeds.admin.empty')}</p>
          ) : (
            <div className="table-scroll">
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">{t('feeds.admin.practitioner')}</th>
                    <th scope="col">{t('feeds.admin.state')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('feeds.revoke')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((feed) => (
                    <tr key={feed.practitionerId}>
                      <td>{feed.practitionerName}</td>
                      <td>
                        {feed.active && feed.createdAt
                          ? t('feeds.admin.active', {
                              date: feedDate(feed.createdAt, lang, me.practice.timeZone),
                            })
                          : t('feeds.admin.inactive')}
                      </td>
                      <td>
                        {feed.active ? (
                          <Button
                            variant="link"
                            onClick={() => setRevoking(feed)}
                            aria-label={`${t('feeds.revoke')} – ${feed.practitionerName}`}
                          >
                            {t('feeds.revoke')}
                          </Button>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <PatientDetailSetting
            current={list.data.patientDetail}
            onSaved={async () => {
              setFlash(t('feeds.detail.saved'));
              await list.reload();
            }}
          />
        </>
      )}
      <p className="muted">{t('feeds.backup')}</p>
      {revoking ? (
        <ConfirmDialog
          title={t('feeds.admin.revokeTitle', { name: revoking.practitionerName })}
          confirmLabel={t('feeds.revokeConfirm')}
          onClose={() => setRevoking(null)}
          onConfirm={async () => {
            await feedApi.revoke(revoking.practitionerId);
            setRevoking(null);
            setFlash(t('feeds.admin.revoked', { name: revoking.practitionerName }));
            await list.reload();
          }}
        >
          <p>{t('feeds.admin.revokeBody', { name: revoking.practitionerName })}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
