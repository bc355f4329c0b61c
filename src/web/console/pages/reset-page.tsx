import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../../shared/api';
import { Alert } from '../../shared/ui/alert';
import { Button } from '../../shared/ui/button';
import { ErrorAlert } from '../../shared/ui/error-alert';
import { TextField } from '../../shared/ui/field';
import { useI18n } from '../i18n';

/**
 * The page a password-reset email links to (`/console/reset#<token>`); the token stays in the fragment,
 * which browsers never send to servers. Once the password is saved, the person signs in as usual.
 */
export function ResetPage() {
  const { t } = useI18n();
  const [token] = useState(() => window.location.hash.slice(1));
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [state, setState] = useState<'form' | 'done' | 'invalid'>(token ? 'form' : 'invalid');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMismatch(password !== repeat);
    if (password !== repeat) return;
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/staff/password-reset', { token, password });
      window.history.replaceState(null, '', '/console/reset');
      setState('done');
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'RESET_LINK_INVALID') setState('invalid');
      else setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const issue = error instanceof ApiError ? error.issueFor('password') : undefined;
  return (
    <main className="centered-page">
      <div className="card">
        <h1>{t('reset.title')}</h1>
        {state === 'invalid' ? <Alert tone="error">{t('reset.invalid')}</Alert> : null}
        {state === 'done' ? <Alert tone="success">{t('reset.done')}</Alert> : null}
        {state === 'form' ? (
          <form onSubmit={submit} noValidate>
            <ErrorAlert error={error} />
            <TextField
              label={t('account.password.new')}
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={setPassword}
              hint={t('account.password.newHint')}
              error={issue}
              required
              autoFocus
            />
            <TextField
              label={t('account.password.repeat')}
              type="password"
              autoComplete="new-password"
              value={repeat}
              onChange={setRepeat}
              error={mismatch ? t('account.password.mismatch') : undefined}
              required
            />
            <Button type="submit" busy={busy} className="button--block">
              {t('reset.submit')}
            </Button>
          </form>
        ) : (
          <p>
            <a href="/console/">{t('reset.signIn')}</a>
          </p>
        )}
      </div>
    </main>
  );
}
