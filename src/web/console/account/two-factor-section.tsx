import { type FormEvent, useState } from 'react';
import type { RecoveryCodes, StaffMe, TotpEnrolment } from '../../../contracts/staff-auth';
import { ApiError, api } from '../../shared/api';
import { Alert } from '../../shared/ui/alert';
import { Button } from '../../shared/ui/button';
import { ErrorAlert } from '../../shared/ui/error-alert';
import { TextField } from '../../shared/ui/field';
import { useI18n } from '../i18n';
import { useSession } from '../session';

/**
 * Two-step sign-in of one's own account: enrol an authenticator app (QR code and key, confirmed with a
 * code), keep the recovery codes shown once, or turn it off with the password and a code.
 */
export function TwoFactorSection({ me }: { me: StaffMe }) {
  const { t } = useI18n();
  const { refresh } = useSession();
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [recovery, setRecovery] = useState<string[] | null>(null);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [disabled, setDisabled] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(caught);
      setCode('');
    } finally {
      setBusy(false);
    }
  };

  const start = () =>
    void run(async () => {
      setDisabled(false);
      setEnrolment(await api.post<TotpEnrolment>('/api/staff/mfa/enrolment'));
    });

  const confirm = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const answer = await api.post<RecoveryCodes>('/api/staff/mfa/enrolment/confirm', {
        code,
        password,
      });
      setEnrolment(null);
      setCode('');
      setPassword('');
      setRecovery(answer.recoveryCodes);
    });
  };

  const disable = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await api.post('/api/staff/mfa/disable', { password, code });
      setPassword('');
      setCode('');
      setDisabled(true);
      await refresh();
    });
  };

  const codesText = recovery
    ? [t('account.mfa.recoveryFile', { email: me.email }), '', ...recovery].join('\n')
    : '';
  const download = () => {
    const url = URL.createObjectURL(new Blob([`${codesText}\n`], { type: 'text/plain' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'sourire-recovery-codes.txt';
    link.click();
    URL.revokeObjectURL(url);
  };

  const issue = (path: string) => (error instanceof ApiError ? error.issueFor(path) : undefined);
  return (
    <section aria-labelledby="account-mfa">
      <h2 id="account-mfa">{t('account.mfa.title')}</h2>
      {me.mfa.enrolmentRequired && !recovery ? <Alert tone="info">{t('account.mfa.required')}</Alert> : null}
      {disabled ? <Alert tone="success">{t('account.mfa.disabled')}</Alert> : null}
      <ErrorAlert error={error} />
      {recovery ? (
        <div className="recovery-codes">
          <h3>{t('account.mfa.recoveryTitle')}</h3>
          <p>{t('account.mfa.recoveryExplain')}</p>
          <ul aria-label={t('account.mfa.recoveryTitle')} className="recovery-codes__list">
            {recovery.map((value) => (
              <li key={value}>
                <code>{value}</code>
              </li>
            ))}
          </ul>
          <div className="button-row">
            <Button variant="secondary" onClick={download}>
              {t('account.mfa.download')}
            </Button>
            <Button variant="secondary" onClick={() => window.print()}>
              {t('account.mfa.print')}
            </Button>
            <Button
              onClick={() => {
                setRecovery(null);
                void refresh();
              }}
            >
              {t('account.mfa.recoveryDone')}
            </Button>
          </div>
        </div>
      ) : me.mfa.enabled ? (
        <>
          <p>{t('account.mfa.on')}</p>
          <h3>{t('account.mfa.disableTitle')}</h3>
          <form onSubmit={disable} noValidate>
            <TextField
              label={t('account.password.current')}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={setPassword}
              error={issue('password')}
              required
            />
            <TextField
              label={t('account.mfa.disableCode')}
              autoComplete="one-time-code"
              value={code}
              onChange={setCode}
              error={issue('code')}
              required
            />
            <Button type="submit" variant="danger" busy={busy}>
              {t('account.mfa.disable')}
            </Button>
          </form>
        </>
      ) : enrolment ? (
        <>
          <p>{t('account.mfa.scan')}</p>
          <img
            className="totp-qr"
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrolment.qrSvg)}`}
            alt={t('account.mfa.qrAlt')}
            width={200}
            height={200}
          />
          <p>
            {t('account.mfa.secret')} : <code data-testid="totp-secret">{enrolment.secret}</code>
          </p>
          <form onSubmit={confirm} noValidate>
            <TextField
              label={t('account.password.current')}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={setPassword}
              error={issue('password')}
              required
            />
            <TextField
              label={t('account.mfa.code')}
              inputMode="numeric"
              autoComplete="one-time-code"
              value={code}
              onChange={setCode}
              error={issue('code')}
              required
            />
            <Button type="submit" busy={busy}>
              {t('account.mfa.confirm')}
            </Button>
          </form>
        </>
      ) : (
        <>
          <p>{t('account.mfa.off')}</p>
          <Button onClick={start} busy={busy}>
            {t('account.mfa.start')}
          </Button>
        </>
      )}
    </section>
  );
}
