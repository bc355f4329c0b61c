import { useEffect } from 'react';
import type { StaffMe } from '../../../contracts/staff-auth';
import { Button } from '../../shared/ui/button';
import { ErrorAlert } from '../../shared/ui/error-alert';
import { useI18n } from '../i18n';
import { ResourceState } from '../settings/common/resource-state';
import { PendingSignaturesTable } from './pending-signatures-table';
import { usePendingSignatures } from './use-pending-signatures';
import './documents.css';

/**
 * Console › Documents (DOC-4, the seed's "Signatures"): every document waiting for a signature, all
 * patients, oldest first, page after page; each row leads to the patient's file, where documents are
 * added, opened and followed. The list reloads when the window gets the focus back.
 */
export function DocumentsPage({ me }: { me: StaffMe }) {
  const { t } = useI18n();
  const pending = usePendingSignatures();
  const { reload } = pending;

  useEffect(() => {
    const onFocus = () => void reload();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [reload]);

  return (
    <section className="documents-page">
      <h1>{t('signatures.title')}</h1>
      <p className="muted">{t('signatures.intro')}</p>
      <section aria-labelledby="pending-signatures">
        <div className="documents-page__head">
          <h2 id="pending-signatures">{t('signatures.pending')}</h2>
          <Button variant="secondary" onClick={() => void reload()}>
            {t('documents.refresh')}
          </Button>
        </div>
        {pending.items === null ? (
          <ResourceState error={pending.error} onRetry={() => void reload()} />
        ) : pending.items.length === 0 ? (
          <p className="settings-empty">{t('signatures.empty')}</p>
        ) : (
          <>
            <PendingSignaturesTable items={pending.items} timeZone={me.practice.timeZone} />
            <ErrorAlert error={pending.error} withFields />
            {pending.hasMore ? (
              <Button variant="secondary" busy={pending.loadingMore} onClick={() => void pending.more()}>
                {t('signatures.more')}
              </Button>
            ) : null}
          </>
        )}
      </section>
    </section>
  );
}
