import { useId } from 'react';
import type { StaffDocument } from '../../../contracts/documents';
import { Button } from '../../shared/ui/button';
import { instantFormat } from '../change-requests/format';
import { useI18n } from '../i18n';
import { documentPaths } from './documents-api';
import { audiencesOf, sizeParts } from './format';

export type DocumentAction = 'evidence' | 'secure' | 'sharing' | 'delete';

interface DocumentCardProps {
  document: StaffDocument;
  timeZone: string;
  onAction: (action: DocumentAction, document: StaffDocument) => void;
}

/**
 * One document of a patient: type, title, date, who sees it, its signature status, and what can be done
 * with it (open, the signature's evidence, send it securely, change who sees it, remove it unless
 * signed: a signature is evidence).
 */
export function DocumentCard({ document, timeZone, onAction }: DocumentCardProps) {
  const { t, lang } = useI18n();
  const titleId = useId();
  const when = instantFormat(lang, timeZone);
  const size = sizeParts(document.size);
  const who = audiencesOf(document.visibility).map((audience) => t(`documents.audience.${audience}`));
  const forTitle = (
    <span className="visually-hidden">{t('documents.ofTitle', { title: document.title })}</span>
  );
  return (
    <article className={`doc-card doc-card--${document.status}`} aria-labelledby={titleId}>
      <header className="doc-card__header">
        <h3 id={titleId} className="doc-card__title">
          {document.title}
        </h3>
        <span className={`badge doc-status doc-status--${document.status}`}>
          {t(`documents.status.${document.status}`)}
        </span>
      </header>
      <p className="doc-card__meta">
        <span>{t(`documents.type.${document.type}`)}</span>
        {' · '}
        <time dateTime={document.createdAt}>{when.format(new Date(document.createdAt))}</time>
        {document.uploadedBy ? ` · ${t('documents.by', { name: document.uploadedBy.name })}` : null}
        {' · '}
        <span>{t(`documents.size.${size.unit}`, { value: size.value.toLocaleString(lang) })}</span>
      </p>
      {document.signedAt ? (
        <p className="doc-card__signed">
          {t('documents.signedOn', { date: when.format(new Date(document.signedAt)) })}
        </p>
      ) : null}
      <p className="doc-card__visibility">
        {who.length > 0 ? t('documents.visibleTo', { who: who.join(', ') }) : t('documents.visibleToNobody')}{' '}
        <span className="muted">
          {document.visibilityOverride ? t('documents.ownSharing') : t('documents.typeSharing')}
        </span>
        {document.letterToProfessional ? (
          <span className="badge">{t('documents.letterToProfessional')}</span>
        ) : null}
        {document.sharedInApp ? null : <span className="badge badge--held">{t('documents.notInApp')}</span>}
      </p>
      <div className="doc-card__actions">
        <a
          className="button button--secondary"
          href={documentPaths.file(document.id)}
          target="_blank"
          rel="noopener"
        >
          {document.status === 'signed' ? t('documents.openSigned') : t('documents.open')}
          {forTitle}
        </a>
        {document.status === 'signed' ? (
          <>
            <a
              className="button button--secondary"
              href={documentPaths.file(document.id, 'original')}
              target="_blank"
              rel="noopener"
            >
              {t('documents.openOriginal')}
              {forTitle}
            </a>
            <Button variant="secondary" onClick={() => onAction('evidence', document)}>
              {t('documents.evidence')}
              {forTitle}
            </Button>
          </>
        ) : null}
        <Button variant="secondary" onClick={() => onAction('secure', document)}>
          {t('documents.sendSecurely')}
          {forTitle}
        </Button>
        <Button variant="secondary" onClick={() => onAction('sharing', document)}>
          {t('documents.editSharing')}
          {forTitle}
        </Button>
        {document.status === 'signed' ? null : (
          <Button variant="danger" onClick={() => onAction('delete', document)}>
            {t('documents.delete')}
            {forTitle}
          </Button>
        )}
      </div>
    </article>
  );
}
