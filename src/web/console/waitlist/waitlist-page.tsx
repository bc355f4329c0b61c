import { useState } from 'react';
import type { StaffMe } from '../../../contracts/staff-auth';
import type { WaitlistEntry } from '../../../contracts/waitlist';
import { api } from '../../shared/api';
import { Button } from '../../shared/ui/button';
import { ErrorAlert } from '../../shared/ui/error-alert';
import { SelectField } from '../../shared/ui/select-field';
import { useI18n } from '../i18n';
import { usePractitioners } from '../patients/use-practitioners';
import { ConfirmDialog } from '../settings/common/confirm-dialog';
import { Flash, useFlash } from '../settings/common/flash';
import { ResourceState } from '../settings/common/resource-state';
import { AddEntryDialog } from './add-entry-dialog';
import { type StatusFilter, useWaitlist } from './use-waitlist';
import { patientLabel, WaitlistTable } from './waitlist-table';
import '../settings/settings.css';
import './waitlist.css';

const filters: StatusFilter[] = ['active', 'all', 'fulfilled', 'cancelled', 'expired'];

/**
 * Console › Waiting list (RDV-10), for every staff role: who waits for an earlier slot, add a patient,
 * take one off. Offers go out by themselves when an appointment that fits is cancelled.
 */
export function WaitlistPage({ me }: { me: StaffMe }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<StatusFilter>('active');
  const list = useWaitlist(status);
  const { practitioners } = usePractitioners();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<WaitlistEntry | null>(null);
  const [flash, setFlash] = useFlash();

  return (
    <section>
      <h1>{t('waitlist.title')}</h1>
      <p className="muted">{t('waitlist.intro')}</p>
      <div className="toolbar">
        <SelectField
          label={t('waitlist.show')}
          value={status}
          onChange={(value) => setStatus(value as StatusFilter)}
        >
          {filters.map((value) => (
            <option key={value} value={value}>
              {t(`waitlist.filter.${value}`)}
            </option>
          ))}
        </SelectField>
        <Button onClick={() => setAdding(true)}>{t('waitlist.add')}</Button>
        <Button variant="secondary" onClick={() => void list.reload()}>
          {t('waitlist.refresh')}
        </Button>
      </div>
      <Flash message={flash} />
      {list.items === null ? (
        <ResourceState error={list.error} onRetry={() => void list.reload()} />
      ) : list.items.length === 0 ? (
        <p className="muted">{status === 'active' ? t('waitlist.empty') : t('waitlist.emptyFiltered')}</p>
      ) : (
        <>
          <WaitlistTable
            entries={list.items}
            practitioners={practitioners}
            timeZone={me.practice.timeZone}
            onCancel={setRemoving}
          />
          <ErrorAlert error={list.error} withFields />
          {list.hasMore ? (
            <Button variant="secondary" busy={list.loadingMore} onClick={() => void list.more()}>
              {t('waitlist.more')}
            </Button>
          ) : null}
        </>
      )}
      {adding ? (
        <AddEntryDialog
          me={me}
          practitioners={practitioners}
          onClose={() => setAdding(false)}
          onAdded={(entry) => {
            setAdding(false);
            setFlash(t('waitlist.added', { name: patientLabel(entry) }));
            void list.reload();
          }}
        />
      ) : null}
      {removing ? (
        <ConfirmDialog
          title={t('waitlist.cancelTitle', { name: patientLabel(removing) })}
          confirmLabel={t('waitlist.cancel')}
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            await api.post(`/api/console/waitlist/${removing.id}/cancel`);
            setRemoving(null);
            setFlash(t('waitlist.cancelled', { name: patientLabel(removing) }));
            await list.reload();
          }}
        >
          <p>{t('waitlist.cancelBody')}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
