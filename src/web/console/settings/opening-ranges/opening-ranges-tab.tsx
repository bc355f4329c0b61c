import { useState } from 'react';
import type { Location, Motif, OpeningRange } from '../../../../contracts/settings';
import type { StaffMe } from '../../../../contracts/staff-auth';
import { api } from '../../../shared/api';
import { Button } from '../../../shared/ui/button';
import { useI18n } from '../../i18n';
import { type AgendaChoice, PractitionerPicker, useAgendaOwner } from '../common/agenda-owner';
import { ConfirmDialog } from '../common/confirm-dialog';
import { Flash, useFlash } from '../common/flash';
import { ResourceState } from '../common/resource-state';
import { useResource } from '../common/use-resource';
import { OpeningRangeDialog } from './opening-range-dialog';
import { OpeningRangeList } from './opening-range-list';

/** Settings › Opening ranges: when a practitioner can be booked, where, and for which motifs (SET-5). */
export function OpeningRangesTab({ me, choice }: { me: StaffMe; choice: AgendaChoice }) {
  const { t } = useI18n();
  const owner = useAgendaOwner(me, choice);
  const ranges = useResource<{ items: OpeningRange[] }>(
    owner.ownerId ? `/api/console/opening-ranges?practitionerId=${owner.ownerId}` : null,
  );
  const locations = useResource<{ items: Location[] }>('/api/console/locations');
  const motifs = useResource<{ items: Motif[] }>('/api/console/motifs');
  const [editing, setEditing] = useState<OpeningRange | 'new' | null>(null);
  const [deleting, setDeleting] = useState<OpeningRange | null>(null);
  const [flash, setFlash] = useFlash();

  const failed = [owner.practitioners, locations, motifs, ranges].find((resource) => resource.error);
  const retry = () => {
    for (const resource of [owner.practitioners, locations, motifs, ranges]) void resource.reload();
  };
  const ready = Boolean((!owner.isAdmin || owner.items) && locations.data && motifs.data);

  return (
    <section aria-labelledby="settings-ranges-title">
      <h2 id="settings-ranges-title">{t('settings.ranges.title')}</h2>
      <p className="muted">{t('settings.ranges.intro')}</p>
      {owner.isAdmin && owner.items && owner.items.length > 0 && owner.ownerId ? (
        <PractitionerPicker items={owner.items} value={owner.ownerId} onChange={choice.choose} />
      ) : null}
      <Flash message={flash} />
      {failed ? (
        <ResourceState error={failed.error} onRetry={retry} />
      ) : !ready ? (
        <ResourceState error={null} onRetry={retry} />
      ) : owner.ownerId === null ? (
        <p className="settings-empty">{t('settings.agenda.none')}</p>
      ) : !ranges.data ? (
        <ResourceState error={null} onRetry={retry} />
      ) : (
        <>
          <div className="settings-toolbar">
            <Button onClick={() => setEditing('new')}>{t('settings.ranges.add')}</Button>
          </div>
          {ranges.data.items.length === 0 ? (
            <p className="settings-empty">{t('settings.ranges.empty')}</p>
          ) : (
            <OpeningRangeList
              ranges={ranges.data.items}
              locations={locations.data?.items ?? []}
              motifs={motifs.data?.items ?? []}
              onEdit={setEditing}
              onDelete={setDeleting}
            />
          )}
        </>
      )}
      {editing && owner.ownerId && locations.data && motifs.data ? (
        <OpeningRangeDialog
          range={editing === 'new' ? null : editing}
          practitionerId={owner.ownerId}
          practitioners={owner.isAdmin ? owner.items : null}
          locations={locations.data.items}
          motifs={motifs.data.items}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setFlash(t('settings.ranges.saved'));
            if (saved.practitionerId !== owner.ownerId) choice.choose(saved.practitionerId);
            void ranges.reload();
          }}
        />
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title={t('settings.ranges.deleteTitle')}
          confirmLabel={t('settings.delete')}
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await api.delete(`/api/console/opening-ranges/${deleting.id}`);
            setDeleting(null);
            setFlash(t('settings.ranges.deleted'));
            await ranges.reload();
          }}
        >
          <p>{t('settings.ranges.deleteBody', { start: deleting.startTime, end: deleting.endTime })}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
