import { useState } from 'react';
import type { PublicPractice } from '../../../../contracts/practice';
import type { Absence } from '../../../../contracts/settings';
import type { StaffMe } from '../../../../contracts/staff-auth';
import { api } from '../../../shared/api';
import { Button } from '../../../shared/ui/button';
import { useI18n } from '../../i18n';
import { type AgendaChoice, PractitionerPicker, useAgendaOwner } from '../common/agenda-owner';
import { ConfirmDialog } from '../common/confirm-dialog';
import { Flash, useFlash } from '../common/flash';
import { ResourceState } from '../common/resource-state';
import { useResource } from '../common/use-resource';
import { AbsenceDialog } from './absence-dialog';
import { AbsenceList } from './absence-list';

/** Settings › Absences: when a practitioner cannot be booked (SET-6). */
export function AbsencesTab({ me, choice }: { me: StaffMe; choice: AgendaChoice }) {
  const { t } = useI18n();
  const owner = useAgendaOwner(me, choice);
  const absences = useResource<{ items: Absence[] }>(
    owner.ownerId ? `/api/console/absences?practitionerId=${owner.ownerId}` : null,
  );
  // one-off absences are instants: they are shown in the practice's zone, which the public page gives
  const practice = useResource<PublicPractice>(
    `/api/public/practices/${encodeURIComponent(me.practice.slug)}`,
  );
  const timeZone = practice.data?.timeZone ?? null;
  const [editing, setEditing] = useState<Absence | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Absence | null>(null);
  const [flash, setFlash] = useFlash();

  const failed = [owner.practitioners, practice, absences].find((resource) => resource.error);
  const retry = () => {
    for (const resource of [owner.practitioners, practice, absences]) void resource.reload();
  };
  const ready = Boolean((!owner.isAdmin || owner.items) && timeZone);

  return (
    <section aria-labelledby="settings-absences-title">
      <h2 id="settings-absences-title">{t('settings.absences.title')}</h2>
      <p className="muted">{t('settings.absences.intro')}</p>
      {owner.isAdmin && owner.items && owner.items.length > 0 && owner.ownerId ? (
        <PractitionerPicker items={owner.items} value={owner.ownerId} onChange={choice.choose} />
      ) : null}
      <Flash message={flash} />
      {failed ? (
        <ResourceState error={failed.error} onRetry={retry} />
      ) : !ready || !timeZone ? (
        <ResourceState error={null} onRetry={retry} />
      ) : owner.ownerId === null ? (
        <p className="settings-empty">{t('settings.agenda.none')}</p>
      ) : !absences.data ? (
        <ResourceState error={null} onRetry={retry} />
      ) : (
        <>
          <div className="settings-toolbar">
            <Button onClick={() => setEditing('new')}>{t('settings.absences.add')}</Button>
          </div>
          {absences.data.items.length === 0 ? (
            <p className="settings-empty">{t('settings.absences.empty')}</p>
          ) : (
            <AbsenceList
              absences={absences.data.items}
              timeZone={timeZone}
              onEdit={setEditing}
              onDelete={setDeleting}
            />
          )}
        </>
      )}
      {editing && owner.ownerId && timeZone ? (
        <AbsenceDialog
          absence={editing === 'new' ? null : editing}
          practitionerId={owner.ownerId}
          practitioners={owner.isAdmin ? owner.items : null}
          timeZone={timeZone}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setFlash(t('settings.absences.saved', { title: saved.title }));
            if (saved.practitionerId !== owner.ownerId) choice.choose(saved.practitionerId);
            void absences.reload();
          }}
        />
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title={t('settings.absences.deleteTitle')}
          confirmLabel={t('settings.delete')}
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await api.delete(`/api/console/absences/${deleting.id}`);
            setDeleting(null);
            setFlash(t('settings.absences.deleted', { title: deleting.title }));
            await absences.reload();
          }}
        >
          <p>{t('settings.absences.deleteBody', { title: deleting.title })}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
