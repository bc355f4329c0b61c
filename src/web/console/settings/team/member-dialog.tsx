import { useState } from 'react';
import type { StaffMember } from '../../../../contracts/staff';
import type { StaffRoleName } from '../../../../contracts/staff-auth';
import { api } from '../../../shared/api';
import { CheckboxField } from '../../../shared/ui/checkbox-field';
import { TextField } from '../../../shared/ui/field';
import { SelectField } from '../../../shared/ui/select-field';
import { useI18n } from '../../i18n';
import { DialogForm } from '../common/dialog-form';
import { fieldErrors } from '../common/field-errors';
import { personName } from '../common/people';
import { teamConflictMessage } from './conflict';
import { type MemberForm, memberBodyOf, memberFormOf, memberPaths } from './member-form';

const roles: StaffRoleName[] = ['practitioner', 'secretary', 'admin'];

interface MemberDialogProps {
  member: StaffMember;
  /** every practitioner of the practice, for the agenda grants */
  practitioners: StaffMember[];
  onClose: () => void;
  onSaved: (member: StaffMember) => void;
}

/** The admin changes a member's role, names, colour, app and booking flags, and agenda grants (SET-3). */
export function MemberDialog({ member, practitioners, onClose, onSaved }: MemberDialogProps) {
  const { t } = useI18n();
  const [form, setForm] = useState<MemberForm>(() => memberFormOf(member));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errorFor = fieldErrors(error);
  const set =
    <K extends keyof MemberForm>(key: K) =>
    (value: MemberForm[K]) =>
      setForm((current) => ({ ...current, [key]: value }));
  const others = practitioners.filter((practitioner) => practitioner.id !== member.id);
  const toggleGrant = (id: string, on: boolean) =>
    set('agendaGrants')(on ? [...form.agendaGrants, id] : form.agendaGrants.filter((other) => other !== id));

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      onSaved(await api.patch<StaffMember>(`/api/console/staff/${member.id}`, memberBodyOf(form)));
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <DialogForm
      title={t('staff.editTitle', { name: personName(member) })}
      onClose={onClose}
      onSubmit={() => void save()}
      busy={busy}
      error={error}
      errorMessage={teamConflictMessage(error, t)}
      isShown={(path) => memberPaths.has(path)}
      wide
    >
      <div className="form-grid">
        <SelectField
          label={t('staff.role')}
          value={form.role}
          onChange={(value) => set('role')(roles.find((role) => role === value) ?? form.role)}
          error={errorFor('role')}
        >
          {roles.map((role) => (
            <option key={role} value={role}>
              {t(`role.${role}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('staff.titleField')}
          value={form.title}
          onChange={set('title')}
          error={errorFor('title')}
        />
        <TextField
          label={t('staff.firstName')}
          value={form.firstName}
          onChange={set('firstName')}
          error={errorFor('firstName')}
          required
          requiredLabel={t('common.required')}
        />
        <TextField
          label={t('staff.lastName')}
          value={form.lastName}
          onChange={set('lastName')}
          error={errorFor('lastName')}
          required
          requiredLabel={t('common.required')}
        />
        <TextField
          label={t('staff.speciality')}
          value={form.speciality}
          onChange={set('speciality')}
          error={errorFor('speciality')}
        />
        {form.role === 'practitioner' ? (
          <TextField
            label={t('staff.colour')}
            hint={t('staff.colourHint')}
            type="color"
            className="settings-colour"
            value={form.colour}
            onChange={set('colour')}
            error={errorFor('colour')}
          />
        ) : null}
      </div>
      {form.role === 'practitioner' ? (
        <>
          <CheckboxField
            label={t('staff.activeInApp')}
            hint={t('staff.activeInAppHint')}
            checked={form.activeInApp}
            onChange={set('activeInApp')}
          />
          <CheckboxField
            label={t('staff.onlineBookingOpen')}
            hint={t('staff.onlineBookingOpenHint')}
            checked={form.onlineBookingOpen}
            onChange={set('onlineBookingOpen')}
          />
          <fieldset className="settings-fieldset">
            <legend>{t('staff.grants')}</legend>
            <p className="field__hint">{t('staff.grantsHint')}</p>
            {others.length === 0 ? <p className="muted">{t('staff.grantsNone')}</p> : null}
            <div className="settings-checks settings-checks--column">
              {others.map((practitioner) => (
                <CheckboxField
                  key={practitioner.id}
                  label={personName(practitioner)}
                  checked={form.agendaGrants.includes(practitioner.id)}
                  onChange={(on) => toggleGrant(practitioner.id, on)}
                />
              ))}
            </div>
            {errorFor('agendaGrants') ? <p className="field__error">{errorFor('agendaGrants')}</p> : null}
          </fieldset>
        </>
      ) : (
        <p className="muted">{t('staff.seesEveryAgenda')}</p>
      )}
    </DialogForm>
  );
}
