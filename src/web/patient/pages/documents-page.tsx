import { Link } from 'wouter';
import type { PatientDocument, PatientDocumentList } from '../../../contracts/documents';
import { documentPaths, documentTypeLabel } from '../documents/documents-api';
import { shortDate } from '../format';
import { useI18n } from '../i18n';
import type { PatientKey } from '../i18n/fr';
import { useSession } from '../session';
import { LoadFailure, Loading, ModuleDisabled } from '../ui/load-failure';
import { PageTitle } from '../ui/page-title';
import { useLoad } from '../use-load';

/**
 * "Documents" (DOC-1): what the practice shares with the family, in three groups — to sign, signed, the
 * others. A PDF opens in the browser's own viewer; "Signer" leads to the signature with an SMS code.
 */
export function DocumentsPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const enabled = me.modules.documents.enabled;
  const { load, reload } = useLoad<PatientDocumentList>(enabled ? documentPaths.list : null);
  return (
    <>
      <PageTitle>{t('doc.title')}</PageTitle>
      {enabled ? (
        <>
          <p className="muted">{t('doc.intro')}</p>
          {load.kind === 'loading' ? <Loading /> : null}
          {load.kind === 'failed' ? <LoadFailure error={load.error} onRetry={reload} /> : null}
          {load.kind === 'ready' ? (
            <>
              <DocumentGroup
                id="to-sign"
                title="doc.toSign"
                empty="doc.noneToSign"
                items={load.data.toSign}
              />
              <DocumentGroup id="signed" title="doc.signed" empty="doc.noneSigned" items={load.data.signed} />
              <DocumentGroup id="others" title="doc.others" empty="doc.noneOthers" items={load.data.others} />
            </>
          ) : null}
        </>
      ) : (
        <ModuleDisabled />
      )}
    </>
  );
}

function DocumentGroup({
  id,
  title,
  empty,
  items,
}: {
  id: string;
  title: PatientKey;
  empty: PatientKey;
  items: PatientDocument[];
}) {
  const { t } = useI18n();
  const headingId = `documents-${id}`;
  return (
    <section className="card home-card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t(title)} <span className="muted small">({items.length})</span>
      </h2>
      {items.length === 0 ? (
        <p className="muted">{t(empty)}</p>
      ) : (
        <ul className="documents">
          {items.map((document) => (
            <li key={document.id}>
              <DocumentItem document={document} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function DocumentItem({ document }: { document: PatientDocument }) {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const owner = me.family.find((member) => member.id === document.patientId);
  const day = (instant: string) => shortDate(instant, lang);
  return (
    <>
      <p className="document__title">
        <strong>{document.title}</strong>
        <span className="badge">{t(documentTypeLabel[document.type])}</span>
      </p>
      <p className="muted small">
        {owner && me.family.length > 1
          ? `${t('doc.for', { name: `${owner.firstName} ${owner.lastName}` })} · `
          : ''}
        {document.signedAt
          ? t('doc.signedOn', { date: day(document.signedAt) })
          : t('doc.addedOn', { date: day(document.createdAt) })}
      </p>
      <div className="document__actions">
        <a
          href={documentPaths.file(document.id)}
          target="_blank"
          rel="noopener noreferrer"
          className="button button--secondary link-button"
          aria-label={t('doc.openOne', { title: document.title })}
        >
          {t('doc.open')}
        </a>
        {document.status === 'to_sign' && document.canSign ? (
          <Link
            href={`/documents/${document.id}/signer`}
            className="button button--primary link-button"
            aria-label={
              owner && !owner.isSelf
                ? t('doc.signOneFor', { title: document.title, name: `${owner.firstName} ${owner.lastName}` })
                : t('doc.signOne', { title: document.title })
            }
          >
            {t('doc.sign')}
          </Link>
        ) : null}
      </div>
      {document.status === 'to_sign' && !document.canSign ? (
        <p className="muted small">{t('doc.notSigner')}</p>
      ) : null}
    </>
  );
}
