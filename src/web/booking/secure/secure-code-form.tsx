import { type FormEvent, useState } from 'react';
import type { CodeChallenge } from '../../../contracts/patient-auth';
import { api, isApiError } from '../../shared/api';
import { Alert } from '../../shared/ui/alert';
import { Button } from '../../shared/ui/button';
import { TextField } from '../../shared/ui/field';
import { useCountdown } from '../../shared/use-countdown';
import { useI18n } from '../i18n';
import { StepHeading } from '../ui/step-heading';
import { failureText } from './secure-failure';
import { type SecureOpenResult, securePaths } from './secure-paths';

type Message = { tone: 'error' | 'success'; text: string } | null;

/**
 * The 6-digit code of the link: filled in by the phone from the SMS (one-time-code) or pasted with its
 * spaces, the attempts left after a wrong code, a new code after the wait, then "Ouvrir le document".
 */
export function SecureCodeForm({
  token,
  challenge,
  sentAt,
  onChallenge,
  onOpened,
  onExpired,
}: {
  token: string;
  challenge: CodeChallenge;
  sentAt: number;
  onChallenge: (challenge: CodeChallenge) => void;
  onOpened: (opened: SecureOpenResult) => void;
  onExpired: () => void;
}) {
  const { t } = useI18n();
  const paths = securePaths(token);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [sending, setSending] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [dead, setDead] = useState(false);
  const wait = useCountdown(challenge.resendAfterSeconds, sentAt);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (code.length !== 6) {
      setFieldError(t('secure.sixDigits'));
      return;
    }
    setBusy(true);
    setMessage(null);
    setFieldError(undefined);
    try {
      onOpened(await api.post<SecureOpenResult>(paths.open, { challengeId: challenge.challengeId, code }));
    } catch (caught) {
      setCode('');
      if (isApiError(caught, 'LINK_EXPIRED')) {
        onExpired();
      } else if (isApiError(caught, 'CODE_INVALID')) {
        const left = caught.details?.attemptsLeft ?? 0;
        setDead(left === 0);
        setMessage({
          tone: 'error',
          text: left > 0 ? t('secure.attemptsLeft', { count: left }) : t('secure.codeDead'),
        });
      } else if (isApiError(caught, 'CODE_EXPIRED')) {
        setDead(true);
        setMessage({ tone: 'error', text: t('secure.codeDead') });
      } else {
        setMessage({ tone: 'error', text: failureText(caught, t) });
      }
    } finally {
      setBusy(false);
    }
  };

  const resend = async () => {
    setSending(true);
    setMessage(null);
    try {
      let next: CodeChallenge;
      try {
        next = await api.post<CodeChallenge>(paths.resend, { challengeId: challenge.challengeId });
      } catch (caught) {
        // a used or unknown challenge cannot be sent again: a fresh one for the same link does
        if (!isApiError(caught, 'CODE_EXPIRED')) throw caught;
        next = await api.post<CodeChallenge>(paths.code);
      }
      setDead(false);
      setCode('');
      onChallenge(next);
      setMessage({ tone: 'success', text: t('secure.resent') });
    } catch (caught) {
      if (isApiError(caught, 'LINK_EXPIRED')) onExpired();
      else setMessage({ tone: 'error', text: failureText(caught, t) });
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="step" aria-labelledby="secure-code">
      <StepHeading id="secure-code" takeFocus={false}>
        {t('secure.codeTitle')}
      </StepHeading>
      <p>
        {t('secure.codeIntro', {
          phone: challenge.maskedPhone,
          minutes: Math.round(challenge.expiresInSeconds / 60),
        })}
      </p>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('secure.codeLabel')}
          hint={t('secure.codeHint')}
          error={fieldError}
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          // a pasted "123 456" keeps its digits: the length is checked once the spaces are gone
          value={code}
          onChange={(value) => {
            setCode(value.replace(/\D/g, '').slice(0, 6));
            setFieldError(undefined);
          }}
          className="code-input"
          // the phone's keyboard opens on the code, and offers the code from the SMS
          autoFocus
          disabled={dead}
          required
        />
        <Button type="submit" busy={busy} disabled={dead} className="button--block">
          {t('secure.open')}
        </Button>
      </form>
      <div className="code-actions">
        <Button
          variant={dead ? 'primary' : 'secondary'}
          busy={sending}
          disabled={wait > 0}
          onClick={() => void resend()}
        >
          {wait > 0
            ? t('secure.resendIn', { seconds: wait })
            : dead
              ? t('secure.newCode')
              : t('secure.resend')}
        </Button>
      </div>
    </section>
  );
}
