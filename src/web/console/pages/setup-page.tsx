import { type FormEvent, useEffect, useState } from 'react';
import { useLocation } from 'wouter';
import type { SetupInfo } from '../../../contracts/setup';
import { ApiError, api } from '../../shared/api';
import { Alert } from '../../shared/ui/alert';
import { Button } from '../../shared/ui/button';
import { ErrorAlert } from '../../shared/ui/error-alert';
import { TextField } from '../../shared/ui/field';
import { SelectField } from '../../shared/ui/select-field';
import { useI18n } from '../i18n';
import { useSession } from '../session';

const zoneOf = { FR: 'Europe/Paris', CH: 'Europe/Zurich' } as const;
type Country = keyof typeof zoneOf;

/** The token of the start-up link: after `#` (never sent to servers or in Referer), or `?token=`. */
function linkToken(): string {
  const fromHash = window.location.hash.slice(1);
  return fromHash || (new URLSearchParams(window.location.search).get('token') ?? '');
}

/**
 * The page the first start of a fresh install links to (`/console/setup#<token>`): creates the practice
 * and its first administrator, signs in and opens the agenda. The link works once.
 */
export function SetupPage() {
  const { t } = useI18n();
  const { refresh } = useSession();
  const [, navigate] = useLocation();
  const [token] = useState(linkToken);
  const [info, setInfo] = useState<SetupInfo | null>(null);
  const [invalid, setInvalid] = useState(false);
  const [practiceName, setPracticeName] = useState('');
  const [country, setCountry] = useState<Country>('FR');
  const [timeZone, setTimeZone] = useState<string>(zoneOf.FR);
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    document.title = `${t('setup.title')} · ${t('common.appName')}`;
  }, [t]);

  useEffect(() => {
    if (!token) {
      setInvalid(true);
      return;
    }
    api
      .post<SetupInfo>('/api/setup/inspect', { token })
      .then(setInfo)
      .catch(() => setInvalid(true));
  }, [token]);

  const chooseCountry = (value: string) => {
    const next: Country = value === 'CH' ? 'CH' : 'FR';
    // the zone follows the country unless it was changed by hand
    if (timeZone === zoneOf[country]) setTimeZone(zoneOf[next]);
    setCountry(next);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/setup', {
        token,
        practiceName,
        country,
        timeZone,
        firstName,
        lastName,
        email,
        password,
      });
      await refresh();
      // the token leaves the address bar and the history
      navigate('/agenda', { replace: true });
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError && caught.code === 'INVITATION_INVALID') setInvalid(true);
    } finally {
      setBusy(false);
    }
  };

  const issue = (field: string) => (error instanceof ApiError ? error.issueFor(field) : undefined);

  return (
    <main className="centered-page">
      <div className="card">
        <h1>{t('setup.title')}</h1>
        {invalid ? (
          <>
            <Alert tone="error">{t('setup.invalid')}</Alert>
            <p>
              <a href="/console/">{t('setup.signIn')}</a>
            </p>
          </>
        ) : null}
        {!invalid && !info ? <p className="loading">{t('common.loading')}</p> : null}
        {!invalid && info ? (
          <>
            <p>{t('setup.intro')}</p>
            <ErrorAlert error={error} />
            <form onSubmit={submit} noValidate>
              <fieldset>
                <legend>{t('setup.practiceSection')}</legend>
                <TextField
                  label={t('setup.practiceName')}
                  value={practiceName}
                  onChange={setPracticeName}
                  hint={t('setup.practiceNameHint')}
                  error={issue('practiceName')}
                  autoComplete="organization"
                  required
                />
                <SelectField
                  label={t('setup.country')}
                  value={country}
                  onChange={chooseCountry}
                  error={issue('country')}
                >
                  <option value="FR">{t('setup.country.FR')}</option>
                  <option value="CH">{t('setup.country.CH')}</option>
                </SelectField>
                <SelectField
                  label={t('setup.timeZone')}
                  value={timeZone}
                  onChange={setTimeZone}
                  error={issue('timeZone')}
                >
                  <option value={zoneOf.FR}>{t('setup.timeZone.paris')}</option>
                  <option value={zoneOf.CH}>{t('setup.timeZone.zurich')}</option>
                </SelectField>
              </fieldset>
              <fieldset>
                <legend>{t('setup.adminSection')}</legend>
                <TextField
                  label={t('setup.firstName')}
                  value={firstName}
                  onChange={setFirstName}
                  error={issue('firstName')}
                  autoComplete="given-name"
                  required
                />
                <TextField
                  label={t('setup.lastName')}
                  value={lastName}
                  onChange={setLastName}
                  error={issue('lastName')}
                  autoComplete="family-name"
                  required
                />
                <TextField
                  label={t('setup.email')}
                  type="email"
                  value={email}
                  onChange={setEmail}
                  hint={t('setup.emailHint')}
                  error={issue('email')}
                  autoComplete="username"
                  required
                />
                <TextField
                  label={t('setup.password')}
                  type="password"
                  value={password}
                  onChange={setPassword}
                  hint={t('setup.passwordHint')}
                  error={issue('password')}
                  autoComplete="new-password"
                  required
                  minLength={10}
                />
              </fieldset>
              <Button type="submit" busy={busy} className="button--block">
                {t('setup.submit')}
              </Button>
            </form>
          </>
        ) : null}
      </div>
    </main>
  );
}
