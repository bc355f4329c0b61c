import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { StaffMe } from '../../contracts/staff-auth';
import { api } from '../shared/api';
import { Button } from '../shared/ui/button';
import { ErrorAlert } from '../shared/ui/error-alert';
import { TextField } from '../shared/ui/field';
import { useI18n } from './i18n';
import { useSession } from './session';

/**
 * Shown over the page the person was on, which stays as it was underneath (made inert): unlocking
 * brings them back exactly there.
 */
export function LockScreen({ me }: { me: StaffMe }) {
  const { t } = useI18n();
  const { unlocked, signOut } = useSession();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    dialog.current?.querySelector('input')?.focus();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/staff/unlock', { password });
      unlocked();
    } catch (caught) {
      setError(caught);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="lock-screen">
      <div
        className="card lock-screen__card"
        role="dialog"
        aria-modal="true"
        aria-labelledby="lock-title"
        ref={dialog}
      >
        <h1 id="lock-title">{t('lock.title')}</h1>
        <p className="muted">
          {t('lock.explain', { minutes: Math.max(1, Math.round(me.practice.autoLockSeconds / 60)) })}
        </p>
        <p>{t('lock.who', { name: `${me.firstName} ${me.lastName}` })}</p>
        <ErrorAlert error={error} withFields />
        <form onSubmit={submit} noValidate>
          <input type="email" autoComplete="username" value={me.email} readOnly hidden />
          <TextField
            label={t('lock.password')}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            required
          />
          <Button type="submit" busy={busy} className="button--block">
            {t('lock.submit')}
          </Button>
        </form>
        <Button variant="link" onClick={() => void signOut()}>
          {t('lock.signOut')}
        </Button>
      </div>
    </div>
  );
}
