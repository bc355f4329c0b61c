import { useRef, useState } from 'react';
import type {
  SignatureEvidence,
  SignatureVerificationResult,
  StaffDocument,
} from '../../../contracts/documents';
import { api } from '../../shared/api';
import { Button } from '../../shared/ui/button';
import { Dialog } from '../../shared/ui/dialog';
import { ErrorAlert } from '../../shared/ui/error-alert';
import { instantFormat } from '../change-requests/format';
import { useI18n } from '../i18n';
import { ResourceState } from '../settings/common/resource-state';
import { useResource } from '../settings/common/use-resource';
import { documentPaths } from './documents-api';

interface EvidenceDialogProps {
  document: StaffDocument;
  timeZone: string;
  onClose: () => void;
}

/**
 * The evidence of a signature (DOC-3): who signed, for whom, when, the phone that received the code,
 * from where, and both fingerprints; "Vérifier" asks the server to recompute them from the stored files.
 */
export function EvidenceDialog({ document, timeZone, onClose }: EvidenceDialogProps) {
  const { t, lang } = useI18n();
  const evidence = useResource<SignatureEvidence>(documentPaths.evidence(document.id));
  const [result, setResult] = useState<SignatureVerificationResult | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const when = instantFormat(lang, timeZone);

  const verify = async () => {
    setVerifying(true);
    setError(null);
    setResult(null);
    try {
      setResult(await api.post<SignatureVerificationResult>(documentPaths.verify(document.id)));
      window.setTimeout(() => resultRef.current?.focus());
    } catch (caught) {
      setError(caught);
    } finally {
      setVerifying(false);
    }
  };

  const data = evidence.data;
  return (
    <Dialog
      title={t('evidence.title', { title: document.title })}
      open
      onClose={onClose}
      closeLabel={t('common.close')}
      wide
    >
      {data ? (
        <>
          <dl className="doc-evidence">
            <div>
              <dt>{t('evidence.signer')}</dt>
              <dd>
                {data.signer.name} <span className="muted">({t(`evidence.role.${data.signer.role}`)})</span>
              </dd>
            </div>
            {data.signer.role === 'responsable' ? (
              <div>
                <dt>{t('evidence.forPatient')}</dt>
                <dd>{data.forPatient.name}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t('evidence.signedAt')}</dt>
              <dd>
                <time dateTime={data.signedAt}>{when.format(new Date(data.signedAt))}</time>
              </dd>
            </div>
            <div>
              <dt>{t('evidence.phone')}</dt>
              <dd>{data.maskedPhone}</dd>
            </div>
            <div>
              <dt>{t('evidence.ip')}</dt>
              <dd>{data.ip ?? t('evidence.unknown')}</dd>
            </div>
            <div>
              <dt>{t('evidence.userAgent')}</dt>
              <dd className="doc-evidence__long">{data.userAgent ?? t('evidence.unknown')}</dd>
            </div>
            <div>
              <dt>{t('evidence.originalHash')}</dt>
              <dd>
                <code className="doc-evidence__hash">{data.originalSha256}</code>
              </dd>
            </div>
            <div>
              <dt>{t('evidence.signedHash')}</dt>
              <dd>
                <code className="doc-evidence__hash">{data.signedSha256}</code>
              </dd>
            </div>
            <div>
              <dt>{t('evidence.reference')}</dt>
              <dd>
                <code className="doc-evidence__hash">{data.referenceId}</code>
              </dd>
            </div>
          </dl>
          <div className="form-actions">
            <Button busy={verifying} onClick={() => void verify()}>
              {t('evidence.verify')}
            </Button>
          </div>
          <ErrorAlert error={error} withFields />
          {result ? (
            <div
              ref={resultRef}
              tabIndex={-1}
              className={`doc-verify alert ${result.valid ? 'alert--success' : 'alert--error'}`}
              role="status"
            >
              <p className="doc-verify__verdict">
                <strong>{result.valid ? t('evidence.valid') : t('evidence.invalid')}</strong>{' '}
                <span>{t('evidence.verifiedAt', { date: when.format(new Date(result.verifiedAt)) })}</span>
              </p>
              <ul className="doc-verify__checks">
                {result.checks.map((check) => (
                  <li key={check.check}>
                    <span aria-hidden="true">{check.passed ? '✓' : '✗'}</span>{' '}
                    {t(`evidence.check.${check.check}`)} —{' '}
                    <strong>{check.passed ? t('evidence.passed') : t('evidence.failed')}</strong>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </>
      ) : (
        <ResourceState error={evidence.error} onRetry={() => void evidence.reload()} />
      )}
    </Dialog>
  );
}
