import { type FormEvent, useState } from 'react';
import type { StaffRoleName } from '../../../../contracts/staff-auth';
import { api } from '../../../shared/api';
import { Alert } from '../../../shared/ui/alert';
import { Button } from '../../../shared/ui/button';
import { ErrorAlert } from '../../../shared/ui/error-alert';
import { TextField } from '../../../shared/ui/field';
import { SelectField } from '../../../shared/ui/select-field';
import { useI18n } from '../../i18n';
import { fieldErrors } from '../common/field-errors';

const emptyForm = {
  email: '',
  role: 'practitioner' as StaffRoleName,
  title: '',
  firstName: '',
  lastName: '',
  speciality: '',
};
const roles: StaffRoleName[] = ['practitioner', 'secretary', 'admin'];

/** Invite a member by email (SET-3): they get a one-time link to choose their password. */
export function InviteForm({ onInvited }: { onInvited: () => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState(emptyForm);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const errorFor = fieldErrors(error);
  const set = (field: keyof typeof emptyForm) => (value: string) =>
    setForm((current) => ({ ...current, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSentTo(null);
    try {
      await api.post('/api/console/staff/invitations', {
        email: form.email,
        role: form.role,
        firstName: form.firstName,
        lastName: form.lastName,
        ...(form.title ? { title: form.title } : {}),
        ...(form.speciality ? { speciality: form.speciality } : {}),
      });
      setSentTo(form.email);
      setForm(emptyForm);
      onInvited();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="card form-card">
      <h2>{t('staff.invite')}</h2>
      <p className="muted">{t('staff.inviteIntro')}</p>
      {sentTo ? <Alert tone="success">{t('staff.sent', { email: sentTo })}</Alert> : null}
      <ErrorAlert error={error} />
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('staff.email')}
          type="email"
          value={form.email}
          onChange={set('email')}
          error={errorFor('email')}
          required
          requiredLabel={t('common.required')}
        />
        <SelectField
          label={t('staff.role')}
          value={form.role}
          onChange={set('role')}
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
        <Button type="submit" busy={busy}>
          {t('staff.send')}
        </Button>
      </form>
    </div>
  );
}
