import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../../shared/api';
import { Alert } from '../../shared/ui/alert';
import { Button } from '../../shared/ui/button';
import { ErrorAlert } from '../../shared/ui/error-alert';
import { TextField } from '../../shared/ui/field';
import { useI18n } from '../i18n';

/** Current password, then the new one twice; the person's other sessions end on success. */
export function ChangePasswordForm() {
  const { t } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    setMismatch(next !== repeat);
    if (next !== repeat) return;
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/staff/password', { currentPassword: current, newPassword: next });
      setDone(true);
      setCurrent('');
      setNext('');
      setRepeat('');
    } catch (caught) {
      setError(caught);
      setCurrent('');
    } finally {
      setBusy(false);
    }
  };

  const issue = (path: string) => (error instanceof ApiError ? error.issueFor(path) : undefined);
  return (
    <section aria-labelledby="account-password">
      <h2 id="account-password">{t('account.password.title')}</h2>
      {done ? <Alert tone="success">{t('account.password.done')}</Alert> : null}
      <ErrorAlert error={error} />
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('account.password.current')}
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={setCurrent}
          error={issue('currentPassword')}
          required
        />
        <TextField
          label={t('account.password.new')}
          type="password"
          autoComplete="new-password"
          value={next}
          onChange={setNext}
          hint={t('account.password.newHint')}
          error={issue('newPassword')}
          required
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
        <Button type="submit" busy={busy}>
          {t('account.password.submit')}
        </Button>
      </form>
    </section>
  );
}
