import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import type { PatientDocument, PatientDocumentList } from '../../../contracts/documents';
import type { CodeChallenge } from '../../../contracts/patient-auth';
import { ApiError, api, isApiError } from '../../shared/api';
import { Alert } from '../../shared/ui/alert';
import { Button } from '../../shared/ui/button';
import { ErrorAlert } from '../../shared/ui/error-alert';
import { errorText } from '../../shared/ui/errors';
import { TextField } from '../../shared/ui/field';
import { useResendWait } from '../../shared/use-countdown';
import { someoneElse } from '../audience';
import { documentPaths } from '../documents/documents-api';
import { fullName } from '../format';
import { useI18n } from '../i18n';
import { useOfflineReadOnly } from '../pwa/offline';
import { useSession } from '../session';
import { LoadFailure, Loading, ModuleDisabled } from '../ui/load-failure';
import { PageTitle } from '../ui/page-title';
import { useFocusLater } from '../ui/use-focus-later';
import { useLoad } from '../use-load';
import { codeDigits } from './sign-in-page';

type Step =
  | { kind: 'explain' }
  | { kind: 'code'; challenge: CodeChallenge }
  | { kind: 'signed'; document: PatientDocument };

const findIn = (list: PatientDocumentList, id: string) =>
  [...list.toSign, ...list.signed, ...list.others].find((document) => document.id === id);

/**
 * The signature of a document (DOC-3): what signing means, "Recevoir le code" (6 digits by SMS to this
 * phone), the code with its resend countdown and the tries left, then the confirmation. Signing for another
 * member of the family names them in the title, the explanation and the confirmation (issue 9 §3.16).
 */
export function SignDocumentPage({ documentId }: { documentId: string }) {
  const { t } = useI18n();
  const { me } = useSession();
  const enabled = me.modules.documents.enabled;
  const { load, reload } = useLoad<PatientDocumentList>(enabled ? documentPaths.list : null);
  const [step, setStep] = useState<Step>({ kind: 'explain' });

  const body = () => {
    if (!enabled) return <ModuleDisabled />;
    if (load.kind === 'loading') return <Loading />;
    if (load.kind === 'failed') return <LoadFailure error={load.error} onRetry={reload} />;
    if (step.kind === 'signed') return <Signed document={step.document} />;
    const document = findIn(load.data, documentId);
    if (!document) return <Alert tone="info">{t('sign.gone')}</Alert>;
    if (document.status === 'signed') return <Signed document={document} already />;
    if (document.status !== 'to_sign' || !document.canSign)
      return <Alert tone="info">{t('doc.notSigner')}</Alert>;
    if (step.kind === 'code') {
      return (
        <CodeStep
          document={document}
          challenge={step.challenge}
          onChallenge={(challenge) => setStep({ kind: 'code', challenge })}
          onSigned={(signed) => setStep({ kind: 'signed', document: signed })}
        />
      );
    }
    return <Explain document={document} onChallenge={(challenge) => setStep({ kind: 'code', challenge })} />;
  };

  const document = load.kind === 'ready' ? findIn(load.data, documentId) : undefined;
  const other = document ? someoneElse(me, document.patientId) : null;
  return (
    <>
      <PageTitle>{other ? t('sign.titleFor', { name: fullName(other) }) : t('sign.title')}</PageTitle>
      <p>
        <Link href="/documents">{t('sign.back')}</Link>
      </p>
      {body()}
    </>
  );
}

function OpenDocument({ document, label }: { document: PatientDocument; label: string }) {
  return (
    <a
      href={documentPaths.file(document.id)}
      target="_blank"
      rel="noopener noreferrer"
      className="button button--secondary link-button button--block"
    >
      {label}
    </a>
  );
}

function Explain({
  document,
  onChallenge,
}: {
  document: PatientDocument;
  onChallenge: (challenge: CodeChallenge) => void;
}) {
  const { t } = useI18n();
  const { me } = useSession();
  const other = someoneElse(me, document.patientId);
  const offline = useOfflineReadOnly();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const ask = async () => {
    setBusy(true);
    setError(null);
    try {
      onChallenge(await api.post<CodeChallenge>(documentPaths.code(document.id)));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const wait = isApiError(error, 'TOO_MANY_ATTEMPTS') ? error.details.retryAfterSeconds : 0;
  return (
    <section className="card home-card stack" aria-labelledby="sign-explain">
      <h2 id="sign-explain">{document.title}</h2>
      <p>
        {other
          ? t('sign.explainFor', { title: document.title, name: fullName(other) })
          : t('sign.explain', { title: document.title })}
      </p>
      <p className="muted small">{t('sign.evidence')}</p>
      <OpenDocument document={document} label={t('sign.read')} />
      {wait > 0 ? (
        <Alert tone="error">{t('sign.wait', { seconds: wait })}</Alert>
      ) : (
        <ErrorAlert error={error} withFields />
      )}
      <p className="muted small">{t('signIn.smsNotice')}</p>
      <Button busy={busy} disabled={offline} className="button--block" onClick={() => void ask()}>
        {t('sign.getCode')}
      </Button>
    </section>
  );
}

function CodeStep({
  document,
  challenge,
  onChallenge,
  onSigned,
}: {
  document: PatientDocument;
  challenge: CodeChallenge;
  onChallenge: (challenge: CodeChallenge) => void;
  onSigned: (document: PatientDocument) => void;
}) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [resending, setResending] = useState(false);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [dead, setDead] = useState(false);
  const wait = useResendWait(challenge);
  const input = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();
  const focusCode = () => focusLater(() => input.current?.querySelector<HTMLInputElement>('input'));

  const failed = (caught: unknown) =>
    setMessage({
      tone: 'error',
      text: errorText(caught, { network: t('common.networkError'), generic: t('common.genericError') }),
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    if (code.length !== 6) {
      setFieldError(t('code.sixDigits'));
      focusCode();
      return;
    }
    setFieldError(undefined);
    setBusy(true);
    try {
      onSigned(
        await api.post<PatientDocument>(documentPaths.sign(document.id), {
          challengeId: challenge.challengeId,
          code,
        }),
      );
    } catch (caught) {
      setCode('');
      if (isApiError(caught, 'CODE_INVALID')) {
        const left = caught.details?.attemptsLeft ?? 0;
        setDead(left === 0);
        setFieldError(left > 0 ? t('code.attemptsLeft', { count: left }) : t('code.dead'));
        if (left > 0) focusCode();
      } else if (caught instanceof ApiError && caught.code === 'CODE_EXPIRED') {
        setDead(true);
        setFieldError(t('code.dead'));
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
        await api.post<CodeChallenge>(documentPaths.resend(document.id), {
          challengeId: challenge.challengeId,
        }),
      );
      setDead(false);
      setCode('');
      setFieldError(undefined);
      setMessage({ tone: 'success', text: t('code.resent') });
      focusCode();
    } catch (caught) {
      failed(caught);
    } finally {
      setResending(false);
    }
  };

  return (
    <section className="card home-card" aria-labelledby="sign-code">
      <h2 id="sign-code">{document.title}</h2>
      <p>{t('code.intro', { phone: challenge.maskedPhone })}</p>
      <p className="muted small">
        {t('code.validity', { minutes: Math.max(1, Math.round(challenge.expiresInSeconds / 60)) })}
      </p>
      <div aria-live="polite">{message ? <Alert tone={message.tone}>{message.text}</Alert> : null}</div>
      <form onSubmit={submit} noValidate>
        <div ref={input}>
          <TextField
            label={t('code.label')}
            hint={t('code.hint')}
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]*"
            value={code}
            onChange={(value) => {
              setCode(codeDigits(value));
              setFieldError(undefined);
            }}
            className="code-input"
            error={fieldError}
            autoFocus
            required
            disabled={dead}
          />
        </div>
        <Button type="submit" busy={busy} disabled={dead} className="button--block">
          {t('sign.submit')}
        </Button>
      </form>
      <div className="code-actions">
        <p className="muted small">{t('code.notReceived')}</p>
        <Button variant="secondary" busy={resending} disabled={wait > 0} onClick={() => void resend()}>
          {wait > 0 ? t('code.resendIn', { seconds: wait }) : t('code.resend')}
        </Button>
      </div>
    </section>
  );
}

function Signed({ document, already = false }: { document: PatientDocument; already?: boolean }) {
  const { t } = useI18n();
  const { me } = useSession();
  const other = someoneElse(me, document.patientId);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!already) heading.current?.focus();
  }, [already]);
  return (
    <section className="card home-card stack" aria-labelledby="sign-done">
      <h2 id="sign-done" ref={heading} tabIndex={-1}>
        {already ? t('sign.already') : t('sign.doneTitle')}
      </h2>
      {already ? null : (
        <Alert tone="success">
          {other
            ? t('sign.doneFor', { title: document.title, name: fullName(other) })
            : t('sign.done', { title: document.title })}
        </Alert>
      )}
      <OpenDocument document={document} label={t('sign.openSigned')} />
      <Link href="/documents" className="button button--primary link-button button--block">
        {t('sign.back')}
      </Link>
    </section>
  );
}
