import { type FormEvent, useState } from 'react';
import { useLocation } from 'wouter';
import type { StaffMe, StaffSignInAnswer } from '../../contracts/staff-auth';
import { ApiError, api } from '../shared/api';
import { Alert } from '../shared/ui/alert';
import { Button } from '../shared/ui/button';
import { ErrorAlert } from '../shared/ui/error-alert';
import { TextField } from '../shared/ui/field';
import { LanguageSwitch } from '../shared/ui/language-switch';
import { useI18n } from './i18n';
import { useSession } from './session';

type Step = 'password' | 'code' | 'forgot';

/**
 * The console's sign-in: email and password, then — when the account has two-step sign-in — the code of
 * the authenticator app (or a recovery code); "forgot password" asks for a reset link.
 */
export function SignInPage() {
  const { t, lang, setLang } = useI18n();
  const { signedIn } = useSession();
  const [location, navigate] = useLocation();
  const [step, setStep] = useState<Step>('password');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [forgotSent, setForgotSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | Error | null>(null);

  const enter = (me: StaffMe) => {
    // the front desk lives in the agenda: a secretary signing in on the home lands there; a deep link
    // (a patient's file, a message) opens where it pointed
    if (me.role === 'secretary' && location === '/') navigate('/agenda', { replace: true });
    signedIn(me);
  };

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(caught as Error);
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      try {
        const answer = await api.post<StaffSignInAnswer>('/api/staff/sign-in', { email, password });
        if ('mfaRequired' in answer) {
          setCode('');
          setStep('code');
        } else {
          enter(answer);
        }
      } finally {
        setPassword('');
      }
    });
  };

  const submitCode = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      try {
        enter(await api.post<StaffMe>('/api/staff/sign-in/mfa', { code }));
      } catch (caught) {
        setCode('');
        // the ticket expired or ran out of attempts: start again from the password
        if (caught instanceof ApiError && caught.code === 'CODE_EXPIRED') setStep('password');
        throw caught;
      }
    });
  };

  const submitForgot = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await api.post('/api/staff/password-reset/request', { email });
      setForgotSent(true);
    });
  };

  const go = (next: Step) => {
    setError(null);
    setForgotSent(false);
    setStep(next);
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
        {step === 'code' ? (
          <>
            <h1>{t('signIn.mfaTitle')}</h1>
            <p className="muted">{t('signIn.mfaIntro')}</p>
            <ErrorAlert error={error} />
            <form onSubmit={submitCode} noValidate>
              <TextField
                label={t('signIn.mfaCode')}
                autoComplete="one-time-code"
                inputMode="text"
                value={code}
                onChange={setCode}
                hint={t('signIn.mfaHint')}
                error={fieldError('code')}
                required
                autoFocus
              />
              <Button type="submit" busy={busy} className="button--block">
                {t('signIn.mfaSubmit')}
              </Button>
            </form>
            <p>
              <Button variant="link" onClick={() => go('password')}>
                {t('signIn.back')}
              </Button>
            </p>
          </>
        ) : null}
        {step === 'forgot' ? (
          <>
            <h1>{t('forgot.title')}</h1>
            <p className="muted">{t('forgot.intro')}</p>
            <ErrorAlert error={error} />
            {forgotSent ? <Alert tone="success">{t('forgot.sent')}</Alert> : null}
            <form onSubmit={submitForgot} noValidate>
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
              <Button type="submit" busy={busy} className="button--block">
                {t('forgot.submit')}
              </Button>
            </form>
            <p>
              <Button variant="link" onClick={() => go('password')}>
                {t('signIn.back')}
              </Button>
            </p>
          </>
        ) : null}
        {step === 'password' ? (
          <>
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
            <p>
              <Button variant="link" onClick={() => go('forgot')}>
                {t('signIn.forgot')}
              </Button>
            </p>
          </>
        ) : null}
      </div>
    </main>
  );
}
