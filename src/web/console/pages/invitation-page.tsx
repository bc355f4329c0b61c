import { type FormEvent, useEffect, useState } from 'react';
import type { InvitationInfo } from '../../../contracts/staff-auth';
import { ApiError, api } from '../../shared/api';
import { Alert } from '../../shared/ui/alert';
import { Button } from '../../shared/ui/button';
import { ErrorAlert } from '../../shared/ui/error-alert';
import { TextField } from '../../shared/ui/field';
import { useI18n } from '../i18n';
import { useSession } from '../session';

/**
 * The page an invitation email links to (`/console/invitation#<token>`). The token stays in the URL
 * fragment, which browsers never send to servers or in Referer headers.
 */
export function InvitationPage() {
  const { t } = useI18n();
  const { refresh } = useSession();
  const [token] = useState(() => window.location.hash.slice(1));
  const [info, setInfo] = useState<InvitationInfo | null>(null);
  const [invalid, setInvalid] = useState(false);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!token) {
      setInvalid(true);
      return;
    }
    api
      .post<InvitationInfo>('/api/staff/invitations/inspect', { token })
      .then(setInfo)
      .catch(() => setInvalid(true));
  }, [token]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/staff/invitations/accept', { token, password });
      window.history.replaceState(null, '', '/console/');
      await refresh();
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError && caught.code === 'INVITATION_INVALID') setInvalid(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="centered-page">
      <div className="card">
        <h1>{t('invitation.title')}</h1>
        {invalid ? <Alert tone="error">{t('invitation.invalid')}</Alert> : null}
        {!invalid && !info ? <p className="loading">{t('common.loading')}</p> : null}
        {!invalid && info ? (
          <>
            <p>{t('invitation.for', { name: info.firstName, practice: info.practiceName })}</p>
            <ErrorAlert error={error} />
            <form onSubmit={submit} noValidate>
              <input type="email" autoComplete="username" value={info.email} readOnly hidden />
              <TextField
                label={t('invitation.password')}
                type="password"
                autoComplete="new-password"
                value={password}
                onChange={setPassword}
                hint={t('invitation.passwordHint')}
                error={error instanceof ApiError ? error.issueFor('password') : undefined}
                required
                minLength={10}
              />
              <Button type="submit" busy={busy} className="button--block">
                {t('invitation.submit')}
              </Button>
            </form>
          </>
        ) : null}
      </div>
    </main>
  );
}
