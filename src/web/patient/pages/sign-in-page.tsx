import { type FormEvent, useRef, useState } from 'react';
import type { CodeChallenge } from '../../../contracts/patient-auth';
import { ApiError, api, isApiError } from '../../shared/api';
import { formatDateAsTyped, parseFrenchDate } from '../../shared/dates';
import { Alert } from '../../shared/ui/alert';
import { Button } from '../../shared/ui/button';
import { ErrorAlert } from '../../shared/ui/error-alert';
import { errorText } from '../../shared/ui/errors';
import { TextField } from '../../shared/ui/field';
import { useResendWait } from '../../shared/use-countdown';
import { useI18n } from '../i18n';
import { useScreenFocus } from '../ui/page-title';
import { firstInvalid, useFocusLater } from '../ui/use-focus-later';

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
type IdentityField = keyof typeof emptyIdentity;
const identityFields: IdentityField[] = ['phone', 'lastName', 'firstName', 'birthDate'];

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
  const [missing, setMissing] = useState<Partial<Record<IdentityField, string>>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  useScreenFocus(title);
  const set = (field: IdentityField) => (value: string) =>
    setForm((current) => ({ ...current, [field]: field === 'birthDate' ? formatDateAsTyped(value) : value }));

  const focusLater = useFocusLater();
  const focusFirstInvalid = () => focusLater(firstInvalid(formRef));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // every field is required (seed): said next to each field before anything is sent
    const problems: Partial<Record<IdentityField, string>> = {};
    for (const field of identityFields) {
      if (!form[field].trim()) problems[field] = t('form.required');
    }
    const birthDate = parseFrenchDate(form.birthDate);
    if (!problems.birthDate && !birthDate) problems.birthDate = t('signIn.birthDateInvalid');
    setMissing(problems);
    setError(null);
    if (Object.keys(problems).length > 0 || !birthDate) {
      focusFirstInvalid();
      return;
    }
    setBusy(true);
    try {
      onChallenge(await api.post<CodeChallenge>('/api/patient/sign-in', { practice, ...form, birthDate }));
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError && caught.issues.length > 0) focusFirstInvalid();
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (path: IdentityField) =>
    missing[path] ?? (error instanceof ApiError ? error.issueFor(path) : undefined);
  const invalid = Object.keys(missing).length > 0 || (error instanceof ApiError && error.issues.length > 0);

  return (
    <>
      <h1 ref={title} tabIndex={-1} className="page-title">
        {t('signIn.title')}
      </h1>
      <p className="muted">{t('signIn.intro')}</p>
      {invalid ? <Alert tone="error">{t('form.fixFields')}</Alert> : <ErrorAlert error={error} />}
      <form ref={formRef} onSubmit={submit} noValidate>
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
          placeholder={t('signIn.birthDatePlaceholder')}
          value={form.birthDate}
          onChange={set('birthDate')}
          error={fieldError('birthDate')}
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

/** The digits of a code as typed or pasted: "123 456", "123-456" and "Code : 123456" all give 123456. */
export function codeDigits(typed: string): string {
  return typed.replace(/\D/g, '').slice(0, 6);
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
  const [resending, setResending] = useState(false);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [dead, setDead] = useState(false);
  const wait = useResendWait(challenge);
  const form = useRef<HTMLFormElement>(null);
  const focusLater = useFocusLater();
  const focusCode = () => focusLater(() => form.current?.querySelector<HTMLInputElement>('input'));

  const failed = (caught: unknown) => {
    setMessage({
      tone: 'error',
      text: errorText(caught, { network: t('common.networkError'), generic: t('common.genericError') }),
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (code.length !== 6) {
      setMessage({ tone: 'error', text: t('code.sixDigits') });
      focusCode();
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      await api.post('/api/patient/sign-in/verify', { challengeId: challenge.challengeId, code });
      onSignedIn();
    } catch (caught) {
      setCode('');
      if (isApiError(caught, 'CODE_INVALID')) {
        const left = caught.details?.attemptsLeft ?? 0;
        setDead(left === 0);
        setMessage({
          tone: 'error',
          text: left > 0 ? t('code.attemptsLeft', { count: left }) : t('code.dead'),
        });
        if (left > 0) focusCode();
      } else if (caught instanceof ApiError && caught.code === 'CODE_EXPIRED') {
        setDead(true);
        setMessage({ tone: 'error', text: t('code.dead') });
      } else {
        failed(caught);
      }
    } finally {
      setBusy(false);
    }
  };

  const resend = async () => {
    setMessage(null);
    setResending(true);
    try {
      onChallenge(
        await api.post<CodeChallenge>('/api/patient/sign-in/resend', { challengeId: challenge.challengeId }),
      );
      setDead(false);
      setCode('');
      setMessage({ tone: 'success', text: t('code.resent') });
      focusCode();
    } catch (caught) {
      failed(caught);
    } finally {
      setResending(false);
    }
  };

  return (
    <>
      <h1>{t('code.title')}</h1>
      <p>{t('code.intro', { phone: challenge.maskedPhone })}</p>
      <p className="muted small">
        {t('code.validity', { minutes: Math.max(1, Math.round(challenge.expiresInSeconds / 60)) })}
      </p>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <form ref={form} onSubmit={submit} noValidate>
        <TextField
          label={t('code.label')}
          hint={t('code.hint')}
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]*"
          value={code}
          onChange={(value) => setCode(codeDigits(value))}
          className="code-input"
          autoFocus
          required
          disabled={dead}
        />
        <Button type="submit" busy={busy} disabled={dead} className="button--block">
          {t('code.submit')}
        </Button>
      </form>
      <div className="code-actions">
        <p className="muted small">{t('code.notReceived')}</p>
        <Button variant="secondary" busy={resending} disabled={wait > 0} onClick={() => void resend()}>
          {wait > 0 ? t('code.resendIn', { seconds: wait }) : t('code.resend')}
        </Button>
        <Button variant="link" onClick={onBack}>
          {t('code.edit')}
        </Button>
      </div>
    </>
  );
}
