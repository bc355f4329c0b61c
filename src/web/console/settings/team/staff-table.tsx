import type { StaffMember } from '../../../../contracts/staff';
import { Button } from '../../../shared/ui/button';
import { useI18n } from '../../i18n';
import { personName } from '../common/people';

interface StaffTableProps {
  members: StaffMember[];
  meId: string | null;
  onEdit: (member: StaffMember) => void;
  onRemove: (member: StaffMember) => void;
  onResetTwoFactor: (member: StaffMember) => void;
}

/** Who works here, their role and, for practitioners, whether patients can see and book them. */
export function StaffTable({ members, meId, onEdit, onRemove, onResetTwoFactor }: StaffTableProps) {
  const { t, lang } = useI18n();
  const date = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fr-FR', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const nameOf = (id: string) => {
    const member = members.find((other) => other.id === id);
    return member ? personName(member) : null;
  };
  return (
    <div className="table-scroll">
      <table className="data settings-table">
        <thead>
          <tr>
            <th scope="col">{t('staff.name')}</th>
            <th scope="col">{t('staff.role')}</th>
            <th scope="col">{t('staff.email')}</th>
            <th scope="col">{t('staff.patients')}</th>
            <th scope="col">{t('staff.lastSignIn')}</th>
            <th scope="col">{t('settings.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => {
            const name = personName(member);
            const grants = member.agendaGrants.map(nameOf).filter((value) => value !== null);
            return (
              <tr key={member.id}>
                <td>
                  <span className="settings-named">
                    {member.role === 'practitioner' && member.colour ? (
                      <span
                        className="settings-swatch"
                        style={{ backgroundColor: member.colour }}
                        aria-hidden="true"
                      />
                    ) : null}
                    <strong>{name}</strong>
                    {member.id === meId ? <span className="muted"> {t('staff.you')}</span> : null}
                  </span>
                  {member.speciality ? (
                    <span className="muted settings-block">{member.speciality}</span>
                  ) : null}
                </td>
                <td>
                  {t(`role.${member.role}`)}
                  {member.role === 'practitioner' && grants.length > 0 ? (
                    <span className="muted settings-block">
                      {t('staff.alsoSees', { names: grants.join(', ') })}
                    </span>
                  ) : null}
                </td>
                <td className="settings-break">{member.email}</td>
                <td>
                  {member.role === 'practitioner' ? (
                    <>
                      <span className="settings-block">
                        {member.activeInApp ? t('staff.inApp') : t('staff.notInApp')}
                      </span>
                      <span className="settings-block">
                        {member.onlineBookingOpen ? t('staff.bookingOpen') : t('staff.bookingClosed')}
                      </span>
                    </>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td>
                  {member.status === 'invited'
                    ? t('staff.status.invited')
                    : member.lastSignInAt
                      ? date.format(new Date(member.lastSignInAt))
                      : t('staff.never')}
                  {member.twoFactor ? (
                    <span className="muted settings-block">{t('staff.twoFactorOn')}</span>
                  ) : null}
                </td>
                <td>
                  <div className="settings-row-actions">
                    <Button
                      variant="secondary"
                      aria-label={t('settings.editNamed', { name })}
                      onClick={() => onEdit(member)}
                    >
                      {t('settings.edit')}
                    </Button>
                    <Button
                      variant="secondary"
                      aria-label={t('staff.removeNamed', { name })}
                      onClick={() => onRemove(member)}
                    >
                      {t('staff.remove')}
                    </Button>
                    {member.twoFactor && member.id !== meId ? (
                      <Button
                        variant="secondary"
                        aria-label={t('staff.twoFactorResetNamed', { name })}
                        onClick={() => onResetTwoFactor(member)}
                      >
                        {t('staff.twoFactorReset')}
                      </Button>
                    ) : null}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
