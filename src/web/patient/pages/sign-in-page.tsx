import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { CodeChallenge } from '../../../contracts/patient-auth';
import { ApiError, api } from '../../shared/api';
import { formatDateAsTyped, parseFrenchDate } from '../../shared/dates';
import { Alert } from '../../shared/ui/alert';
import { Button } from '../../shared/ui/button';
import { ErrorAlert } from '../../shared/ui/error-alert';
import { errorText } from '../../shared/ui/errors';
import { TextField } from '../../shared/ui/field';
import { useI18n } from '../i18n';

/** APP-1: identity (phone, last name, first name, birth date), then the 6-digit SMS code. */
export function SignInPage({ practice, onSignedIn }: { practice: string; onSignedIn: () => void }) {
  const [challenge, setChallenge] = useState<CodeChallenge | null>(null);
  return challenge ? (
    <CodeStep
      challenge={challenge}
      onChallenge={setChallenge}
      onBack={() => setChallenge(null)}
      onSignedIn={onSignedIn}
    />
  ) : (
    <IdentityStep practice={practice} onChallenge={setChallenge} />
  );
}

const emptyIdentity = { phone: '', lastName: '', firstName: '', birthDate: '' };

function IdentityStep({
  practice,
  onChallenge,
}: {
  practice: string;
  onChallenge: (challenge: CodeChallenge) => void;
}) {
  const { t } = useI18n();
  const [form, setForm] = useState(emptyIdentity);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [dateError, setDateError] = useState<string | undefined>();
  const set = (field: keyof typeof emptyIdentity) => (value: string) =>
    setForm((current) => ({ ...current, [field]: field === 'birthDate' ? formatDateAsTyped(value) : value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const birthDate = parseFrenchDate(form.birthDate);
    setDateError(birthDate ? undefined : t('signIn.birthDateInvalid'));
    setError(null);
    if (!birthDate) return;
    setBusy(true);
    try {
      onChallenge(await api.post<CodeChallenge>('/api/patient/sign-in', { practice, ...form, birthDate }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (path: string) => (error instanceof ApiError ? error.issueFor(path) : undefined);

  return (
    <>
      <h1>{t('signIn.title')}</h1>
      <p className="muted">{t('signIn.intro')}</p>
      <ErrorAlert error={error} />
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('signIn.phone')}
          hint={t('signIn.phoneHint')}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          value={form.phone}
          onChange={set('phone')}
          error={fieldError('phone')}
          required
        />
        <TextField
          label={t('signIn.lastName')}
          autoComplete="family-name"
          value={form.lastName}
          onChange={set('lastName')}
          error={fieldError('lastName')}
          required
        />
        <TextField
          label={t('signIn.firstName')}
          autoComplete="given-name"
          value={form.firstName}
          onChange={set('firstName')}
          error={fieldError('firstName')}
          required
        />
        <TextField
          label={t('signIn.birthDate')}
          hint={t('signIn.birthDateHint')}
          inputMode="numeric"
          autoComplete="bday"
          placeholder="JJ/MM/AAAA"
          value={form.birthDate}
          onChange={set('birthDate')}
          error={dateError ?? fieldError('birthDate')}
          maxLength={10}
          required
        />
        <p className="muted small">{t('signIn.smsNotice')}</p>
        <Button type="submit" busy={busy} className="button--block">
          {t('signIn.submit')}
        </Button>
      </form>
    </>
  );
}

function CodeStep({
  challenge,
  onChallenge,
  onBack,
  onSignedIn,
}: {
  challenge: CodeChallenge;
  onChallenge: (challenge: CodeChallenge) => void;
  onBack: () => void;
  onSignedIn: () => void;
}) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [dead, setDead] = useState(false);
  const [wait, setWait] = useState(challenge.resendAfterSeconds);
  const sentAt = useRef(Date.now());

  useEffect(() => {
    sentAt.current = Date.now();
    setWait(challenge.resendAfterSeconds);
    const timer = window.setInterval(() => {
      setWait(Math.max(0, challenge.resendAfterSeconds - Math.floor((Date.now() - sentAt.current) / 1000)));
    }, 1000);
    return () => window.clearInterval(timer);
  }, [challenge]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      await api.post('/api/patient/sign-in/verify', {
        challengeId: challenge.challengeId,
        code: code.trim(),
      });
      onSignedIn();
    } catch (caught) {
      setCode('');
      if (caught instanceof ApiError && caught.code === 'CODE_INVALID') {
        const left = Number(caught.details.attemptsLeft ?? 0);
        setDead(left === 0);
        setMessage({
          tone: 'error',
          text: left > 0 ? t('code.attemptsLeft', { count: left }) : t('code.dead'),
        });
      } else if (caught instanceof ApiError && caught.code === 'CODE_EXPIRED') {
        setDead(true);
        setMessage({ tone: 'error', text: t('code.dead') });
      } else {
        setMessage({
          tone: 'error',
          text: errorText(caught, { network: t('common.networkError'), generic: t('common.genericError') }),
        });
      }
    } finally {
      setBusy(false);
    }
  };

  const resend = async () => {
    setMessage(null);
    try {
      onChallenge(
        await api.post<CodeChallenge>('/api/patient/sign-in/resend', { challengeId: challenge.challengeId }),
      );
      setDead(false);
      setMessage({ tone: 'success', text: t('code.resent') });
    } catch (caught) {
      setMessage({
        tone: 'error',
        text: errorText(caught, { network: t('common.networkError'), generic: t('common.genericError') }),
      });
    }
  };

  return (
    <>
      <h1>{t('code.title')}</h1>
      <p>{t('code.intro', { phone: challenge.maskedPhone })}</p>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('code.label')}
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          maxLength={6}
          value={code}
          onChange={(value) => setCode(value.replace(/\D/g, '').slice(0, 6))}
          className="code-input"
          autoFocus
          required
          disabled={dead}
        />
        <Button type="submit" busy={busy} disabled={dead || code.length !== 6} className="button--block">
          {t('code.submit')}
        </Button>
      </form>
      <div className="code-actions">
        <Button variant="secondary" disabled={wait > 0} onClick={() => void resend()}>
          {wait > 0 ? t('code.resendIn', { seconds: wait }) : t('code.resend')}
        </Button>
        <Button variant="link" onClick={onBack}>
          {t('code.edit')}
        </Button>
      </div>
    </>
  );
}
