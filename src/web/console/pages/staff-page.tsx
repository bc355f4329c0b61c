import { useState } from 'react';
import type { StaffMember } from '../../../contracts/staff';
import { api } from '../../shared/api';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { ConfirmDialog } from '../settings/common/confirm-dialog';
import { Flash, useFlash } from '../settings/common/flash';
import { personName } from '../settings/common/people';
import { ResourceState } from '../settings/common/resource-state';
import { useResource } from '../settings/common/use-resource';
import { teamConflictMessage } from '../settings/team/conflict';
import { InviteForm } from '../settings/team/invite-form';
import { MemberDialog } from '../settings/team/member-dialog';
import { StaffTable } from '../settings/team/staff-table';
import '../settings/settings.css';

/** Console › Team (admin): who works here, their roles and agendas, removals, and invitations by email. */
export function StaffPage() {
  const { t } = useI18n();
  const { state, refresh } = useSession();
  const meId = state.kind === 'signed-in' ? state.me.id : null;
  const staff = useResource<{ items: StaffMember[] }>('/api/console/staff');
  const [editing, setEditing] = useState<StaffMember | null>(null);
  const [removing, setRemoving] = useState<StaffMember | null>(null);
  const [resetting, setResetting] = useState<StaffMember | null>(null);
  const [flash, setFlash] = useFlash();
  const members = staff.data?.items ?? null;

  return (
    <section>
      <h1>{t('staff.title')}</h1>
      <Flash message={flash} />
      {members === null ? (
        <ResourceState error={staff.error} onRetry={() => void staff.reload()} />
      ) : (
        <StaffTable
          members={members}
          meId={meId}
          onEdit={setEditing}
          onRemove={setRemoving}
          onResetTwoFactor={setResetting}
        />
      )}
      <InviteForm onInvited={() => void staff.reload()} />
      {editing && members ? (
        <MemberDialog
          member={editing}
          practitioners={members.filter((member) => member.role === 'practitioner')}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setFlash(t('staff.saved', { name: personName(saved) }));
            void staff.reload();
            // one's own role or name changed: the console follows at once
            if (saved.id === meId) void refresh();
          }}
        />
      ) : null}
      {removing ? (
        <ConfirmDialog
          title={t('staff.removeTitle', { name: personName(removing) })}
          confirmLabel={t('staff.remove')}
          explain={(error) => teamConflictMessage(error, t)}
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            await api.delete(`/api/console/staff/${removing.id}`);
            setRemoving(null);
            setFlash(t('staff.removed', { name: personName(removing) }));
            await staff.reload();
          }}
        >
          <p>{t('staff.removeBody', { name: personName(removing) })}</p>
        </ConfirmDialog>
      ) : null}
      {resetting ? (
        <ConfirmDialog
          title={t('staff.twoFactorResetTitle', { name: personName(resetting) })}
          confirmLabel={t('staff.twoFactorReset')}
          explain={(error) => teamConflictMessage(error, t)}
          onClose={() => setResetting(null)}
          onConfirm={async () => {
            await api.delete(`/api/console/staff/${resetting.id}/two-factor`);
            setResetting(null);
            setFlash(t('staff.twoFactorResetDone', { name: personName(resetting) }));
            await staff.reload();
          }}
        >
          <p>{t('staff.twoFactorResetBody', { name: personName(resetting) })}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
