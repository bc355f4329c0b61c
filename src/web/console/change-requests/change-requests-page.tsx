import { useState } from 'react';
import type { StaffChangeRequest } from '../../../contracts/patient-app';
import type { StaffMe } from '../../../contracts/staff-auth';
import { Button } from '../../shared/ui/button';
import { ErrorAlert } from '../../shared/ui/error-alert';
import { SelectField } from '../../shared/ui/select-field';
import { useI18n } from '../i18n';
import { Flash, useFlash } from '../settings/common/flash';
import { ResourceState } from '../settings/common/resource-state';
import { ChangeRequestCard, subjectName } from './change-request-card';
import { RejectDialog } from './reject-dialog';
import { type StatusFilter, useChangeRequests } from './use-change-requests';
import { announceChangeRequestsChanged } from './use-pending-count';
import '../settings/settings.css';
import '../patients/patients.css';
import './change-requests.css';

const filters: StatusFilter[] = ['pending', 'all', 'accepted', 'rejected'];

/** Roles that accept or reject (the API's rule); practitioners read the queue. */
export function decidesChangeRequests(role: StaffMe['role']): boolean {
  return role === 'admin' || role === 'secretary';
}

/**
 * Console › Review requests (APP-4, APP-5): what patients asked from the app, pending ones first and
 * oldest first; accept (the file changes, or the dependant joins the family) or reject with a reason
 * the patient reads. Each decision shows at once in the card and in the navigation's badge.
 */
export function ChangeRequestsPage({ me }: { me: StaffMe }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<StatusFilter>('pending');
  const list = useChangeRequests(status);
  const [rejecting, setRejecting] = useState<StaffChangeRequest | null>(null);
  const [flash, setFlash] = useFlash();
  const canDecide = decidesChangeRequests(me.role);

  const decided = (request: StaffChangeRequest, message: string) => {
    list.replace(request);
    setFlash(message);
    announceChangeRequestsChanged();
  };
  const stale = () => {
    void list.reload();
    announceChangeRequestsChanged();
  };

  return (
    <section className="reviews-page">
      <h1>{t('reviews.title')}</h1>
      <p className="muted">{t('reviews.intro')}</p>
      {canDecide ? null : <p className="muted">{t('reviews.readOnly')}</p>}
      <div className="toolbar">
        <SelectField
          label={t('reviews.show')}
          value={status}
          onChange={(value) => setStatus(value as StatusFilter)}
        >
          {filters.map((value) => (
            <option key={value} value={value}>
              {t(`reviews.filter.${value}`)}
            </option>
          ))}
        </SelectField>
        <Button
          variant="secondary"
          onClick={() => {
            void list.reload();
            announceChangeRequestsChanged();
          }}
        >
          {t('reviews.refresh')}
        </Button>
      </div>
      <Flash message={flash} />
      {list.items === null ? (
        <ResourceState error={list.error} onRetry={() => void list.reload()} />
      ) : list.items.length === 0 ? (
        <p className="settings-empty">
          {status === 'pending' ? t('reviews.empty.pending') : t('reviews.empty.other')}
        </p>
      ) : (
        <>
          <ul className="reviews-list">
            {list.items.map((request) => (
              <li key={request.id}>
                <ChangeRequestCard
                  request={request}
                  timeZone={me.practice.timeZone}
                  canDecide={canDecide}
                  onAccepted={(accepted) =>
                    decided(
                      accepted,
                      accepted.kind === 'add_dependant'
                        ? t('reviews.acceptedDependant', { name: subjectName(accepted) })
                        : t('reviews.accepted', { name: subjectName(accepted) }),
                    )
                  }
                  onReject={setRejecting}
                  onStale={stale}
                />
              </li>
            ))}
          </ul>
          <ErrorAlert error={list.error} withFields />
          {list.hasMore ? (
            <Button variant="secondary" busy={list.loadingMore} onClick={() => void list.more()}>
              {t('reviews.more')}
            </Button>
          ) : null}
        </>
      )}
      {rejecting ? (
        <RejectDialog
          request={rejecting}
          name={subjectName(rejecting)}
          onClose={() => setRejecting(null)}
          onRejected={(rejected) => {
            setRejecting(null);
            decided(rejected, t('reviews.rejected', { name: subjectName(rejected) }));
          }}
        />
      ) : null}
    </section>
  );
}
