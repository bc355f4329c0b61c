import { type FormEvent, useState } from 'react';
import { useLocation } from 'wouter';
import type { StaffMe } from '../../contracts/staff-auth';
import { ApiError, api } from '../shared/api';
import { Button } from '../shared/ui/button';
import { ErrorAlert } from '../shared/ui/error-alert';
import { TextField } from '../shared/ui/field';
import { LanguageSwitch } from '../shared/ui/language-switch';
import { useI18n } from './i18n';
import { useSession } from './session';

export function SignInPage() {
  const { t, lang, setLang } = useI18n();
  const { signedIn } = useSession();
  const [location, navigate] = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | Error | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const me = await api.post<StaffMe>('/api/staff/sign-in', { email, password });
      // the front desk lives in the agenda: a secretary signing in on the home lands there; a deep link
      // (a patient's file, a message) opens where it pointed
      if (me.role === 'secretary' && location === '/') navigate('/agenda', { replace: true });
      signedIn(me);
    } catch (caught) {
      setError(caught as Error);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (path: string) => (error instanceof ApiError ? error.issueFor(path) : undefined);
  return (
    <main className="centered-page">
      <div className="card">
        <div className="card__top">
          <p className="brand-mark">{t('common.appName')}</p>
          <LanguageSwitch
            lang={lang}
            setLang={setLang}
            label={t('common.language')}
            names={{ fr: t('common.lang.fr'), en: t('common.lang.en') }}
          />
        </div>
        <h1>{t('signIn.title')}</h1>
        <p className="muted">{t('signIn.intro')}</p>
        <ErrorAlert error={error} withFields />
        <form onSubmit={submit} noValidate>
          <TextField
            label={t('signIn.email')}
            type="email"
            autoComplete="username"
            value={email}
            onChange={setEmail}
            error={fieldError('email')}
            required
            autoFocus
          />
          <TextField
            label={t('signIn.password')}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            error={fieldError('password')}
            required
          />
          <Button type="submit" busy={busy} className="button--block">
            {t('signIn.submit')}
          </Button>
        </form>
      </div>
    </main>
  );
}
