import { type FormEvent, useState } from 'react';
import type { BookingGrant } from '../../../contracts/booking';
import type { CodeChallenge } from '../../../contracts/patient-auth';
import { ApiError, api, isApiError } from '../../shared/api';
import { Alert } from '../../shared/ui/alert';
import { Button } from '../../shared/ui/button';
import { TextField } from '../../shared/ui/field';
import { useResendWait } from '../../shared/use-countdown';
import { useI18n } from '../i18n';
import { StepHeading } from '../ui/step-heading';
import { grantLifetimeMs, type UpdateMemory } from './flow-types';

type Message = { tone: 'error' | 'success'; text: string } | null;

/**
 * The 6-digit code sent by SMS: filled in by the phone itself (one-time-code), attempts left after a
 * wrong code, a new code after 60 s, and a way back to correct the information typed.
 */
export function CodeStep({
  challenge,
  updateMemory,
}: {
  challenge: CodeChallenge;
  updateMemory: UpdateMemory;
}) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const [dead, setDead] = useState(false);
  const wait = useResendWait(challenge);

  const failure = (caught: unknown): Message => {
    if (caught instanceof ApiError && caught.code === 'NETWORK')
      return { tone: 'error', text: t('common.networkError') };
    return { tone: 'error', text: caught instanceof ApiError ? caught.message : t('common.genericError') };
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (code.length !== 6) {
      setMessage({ tone: 'error', text: t('code.sixDigits') });
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const grant = await api.post<BookingGrant>('/api/public/booking/verify', {
        challengeId: challenge.challengeId,
        code,
      });
      const self = grant.family.find((member) => member.isSelf) ?? grant.family[0];
      updateMemory({
        grant,
        grantExpiresAt: Date.now() + grantLifetimeMs,
        challenge: null,
        patientId: self?.id ?? null,
      });
    } catch (caught) {
      setCode('');
      if (isApiError(caught, 'CODE_INVALID')) {
        const left = caught.details?.attemptsLeft ?? 0;
        setDead(left === 0);
        setMessage({
          tone: 'error',
          text: left > 0 ? t('code.attemptsLeft', { count: left }) : t('code.dead'),
        });
      } else if (isApiError(caught, 'CODE_EXPIRED')) {
        setDead(true);
        setMessage({ tone: 'error', text: t('code.dead') });
      } else {
        setMessage(failure(caught));
      }
    } finally {
      setBusy(false);
    }
  };

  const resend = async () => {
    setMessage(null);
    try {
      const next = await api.post<CodeChallenge>('/api/public/booking/resend', {
        challengeId: challenge.challengeId,
      });
      setDead(false);
      updateMemory({ challenge: next });
      setMessage({ tone: 'success', text: t('code.resent') });
    } catch (caught) {
      setMessage(failure(caught));
    }
  };

  return (
    <section className="step" aria-labelledby="code-step">
      <StepHeading id="code-step" takeFocus={false}>
        {t('code.title')}
      </StepHeading>
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
          // the phone's keyboard opens on the code, and offers the code from the SMS
          autoFocus
          disabled={dead}
          required
        />
        <Button type="submit" busy={busy} disabled={dead} className="button--block">
          {t('code.submit')}
        </Button>
      </form>
      <div className="code-actions">
        <Button variant="secondary" disabled={wait > 0} onClick={() => void resend()}>
          {wait > 0 ? t('code.resendIn', { seconds: wait }) : t('code.resend')}
        </Button>
        <Button variant="link" onClick={() => updateMemory({ challenge: null })}>
          {t('code.edit')}
        </Button>
      </div>
    </section>
  );
}
