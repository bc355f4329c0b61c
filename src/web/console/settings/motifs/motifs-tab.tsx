import { useState } from 'react';
import type { Motif } from '../../../../contracts/settings';
import { api } from '../../../shared/api';
import { Button } from '../../../shared/ui/button';
import { useI18n } from '../../i18n';
import { ConfirmDialog } from '../common/confirm-dialog';
import { Flash, useFlash } from '../common/flash';
import { ResourceState } from '../common/resource-state';
import { useResource } from '../common/use-resource';
import { MotifDialog } from './motif-dialog';
import { MotifList } from './motif-list';

/** Settings › Motifs (admin): the kinds of appointment and their booking rules (SET-4). */
export function MotifsTab() {
  const { t } = useI18n();
  const motifs = useResource<{ items: Motif[] }>('/api/console/motifs');
  const [editing, setEditing] = useState<Motif | 'new' | null>(null);
  const [archiving, setArchiving] = useState<Motif | null>(null);
  const [flash, setFlash] = useFlash();
  const items = motifs.data?.items ?? [];
  const categories = [
    ...new Set(items.map((motif) => motif.category).filter((value) => value !== null)),
  ].sort();

  return (
    <section aria-labelledby="settings-motifs-title">
      <h2 id="settings-motifs-title">{t('settings.motifs.title')}</h2>
      <p className="muted">{t('settings.motifs.intro')}</p>
      <Flash message={flash} />
      {!motifs.data ? (
        <ResourceState error={motifs.error} onRetry={() => void motifs.reload()} />
      ) : (
        <>
          <div className="settings-toolbar">
            <Button onClick={() => setEditing('new')}>{t('settings.motifs.add')}</Button>
          </div>
          {items.length === 0 ? (
            <p className="settings-empty">{t('settings.motifs.empty')}</p>
          ) : (
            <MotifList motifs={items} onEdit={setEditing} onArchive={setArchiving} />
          )}
        </>
      )}
      {editing ? (
        <MotifDialog
          motif={editing === 'new' ? null : editing}
          categories={categories}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setFlash(t('settings.motifs.saved', { name: saved.name }));
            void motifs.reload();
          }}
        />
      ) : null}
      {archiving ? (
        <ConfirmDialog
          title={t('settings.motifs.archiveTitle')}
          confirmLabel={t('settings.archive')}
          onClose={() => setArchiving(null)}
          onConfirm={async () => {
            await api.delete(`/api/console/motifs/${archiving.id}`);
            setArchiving(null);
            setFlash(t('settings.motifs.archivedDone', { name: archiving.name }));
            await motifs.reload();
          }}
        >
          <p>{t('settings.motifs.archiveBody', { name: archiving.name })}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
