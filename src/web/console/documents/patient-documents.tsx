import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentSettings, StaffDocument } from '../../../contracts/documents';
import type { PatientDetail } from '../../../contracts/patients';
import { api } from '../../shared/api';
import { Button } from '../../shared/ui/button';
import { Dialog } from '../../shared/ui/dialog';
import { useI18n } from '../i18n';
import { displayPhone } from '../patients/format';
import { ConfirmDialog } from '../settings/common/confirm-dialog';
import { Flash, useFlash } from '../settings/common/flash';
import { ResourceState } from '../settings/common/resource-state';
import { useResource } from '../settings/common/use-resource';
import { type DocumentAction, DocumentCard } from './document-card';
import { documentPaths } from './documents-api';
import { EvidenceDialog } from './evidence-dialog';
import { SecureSendDialog } from './secure-send-dialog';
import { SharingDialog } from './sharing-dialog';
import { UploadForm } from './upload-form';
import './documents.css';

interface Open {
  action: DocumentAction;
  document: StaffDocument;
}

/**
 * The "Documents" section of a patient's file (DOC-1…DOC-5): the PDFs shared with the patient, newest
 * first, with their signature status; add one, open it, read a signature's evidence and verify it, send
 * it through the secure channel. The list reloads when the window gets the focus back, so a signature
 * made meanwhile in the app shows up.
 */
export function PatientDocuments({ patient, timeZone }: { patient: PatientDetail; timeZone: string }) {
  const { t } = useI18n();
  const [documents, setDocuments] = useState<StaffDocument[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<Open | null>(null);
  const [flash, setFlash] = useFlash();
  const settings = useResource<DocumentSettings>(documentPaths.settings);
  const addButton = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // after a deletion the card is gone: focus goes back to the section once the dialog has closed
  const [focusHeading, setFocusHeading] = useState(0);
  useEffect(() => {
    if (focusHeading > 0) heading.current?.focus();
  }, [focusHeading]);
  const listPath = documentPaths.ofPatient(patient.id);

  const load = useCallback(
    async (background = false) => {
      try {
        const answer = await api.get<{ items: StaffDocument[] }>(listPath, { background });
        setDocuments(newestFirst(answer.items));
        setError(null);
      } catch (caught) {
        if (!background) setError(caught);
      }
    },
    [listPath],
  );
  useEffect(() => {
    void load();
    const onFocus = () => void load(true);
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [load]);

  const replace = (document: StaffDocument) =>
    setDocuments((current) => current?.map((item) => (item.id === document.id ? document : item)) ?? null);
  // the forms start from each type's default sharing: they wait for the practice's rules
  const rules = settings.data;
  const rulesState = <ResourceState error={settings.error} onRetry={() => void settings.reload()} />;
  const closeDialog = () => setOpen(null);

  return (
    <section className="card patient-documents" aria-labelledby="patient-documents">
      <div className="patient-documents__head">
        <h2 id="patient-documents" ref={heading} tabIndex={-1}>
          {t('documents.section')}
        </h2>
        <div className="patient-documents__tools">
          <Button variant="secondary" onClick={() => void load()}>
            {t('documents.refresh')}
          </Button>
          {adding ? null : (
            <button
              ref={addButton}
              type="button"
              className="button button--primary"
              onClick={() => {
                setFlash(null);
                setAdding(true);
              }}
            >
              {t('documents.add')}
            </button>
          )}
        </div>
      </div>
      {adding ? (
        <section className="patient-documents__upload" aria-labelledby="patient-documents-upload">
          <h3 id="patient-documents-upload">{t('documents.upload.heading')}</h3>
          {rules ? (
            <UploadForm
              patientId={patient.id}
              settings={rules}
              onUploaded={(document) => {
                setDocuments((current) => [document, ...(current ?? [])]);
                setAdding(false);
                setFlash(t('documents.uploaded', { title: document.title }));
                window.setTimeout(() => addButton.current?.focus());
              }}
              onCancel={() => {
                setAdding(false);
                window.setTimeout(() => addButton.current?.focus());
              }}
            />
          ) : (
            rulesState
          )}
        </section>
      ) : null}
      <Flash message={flash} />
      {documents === null ? (
        <ResourceState error={error} onRetry={() => void load()} />
      ) : documents.length === 0 ? (
        <p className="muted">{t('documents.empty')}</p>
      ) : (
        <ul className="doc-list">
          {documents.map((document) => (
            <li key={document.id}>
              <DocumentCard
                document={document}
                timeZone={timeZone}
                onAction={(action, chosen) => setOpen({ action, document: chosen })}
              />
            </li>
          ))}
        </ul>
      )}
      {open?.action === 'evidence' ? (
        <EvidenceDialog document={open.document} timeZone={timeZone} onClose={closeDialog} />
      ) : null}
      {open?.action === 'secure' ? (
        <SecureSendDialog
          document={open.document}
          timeZone={timeZone}
          recipient={{
            name: `${patient.firstName} ${patient.lastName}`,
            phone: patient.mobilePhone ? displayPhone(patient.mobilePhone) : '',
            email: patient.email ?? '',
          }}
          onClose={closeDialog}
        />
      ) : null}
      {open?.action === 'delete' ? (
        <ConfirmDialog
          title={t('documents.deleteTitle', { title: open.document.title })}
          confirmLabel={t('documents.deleteConfirm')}
          onClose={closeDialog}
          onConfirm={async () => {
            const removed = open.document;
            await api.delete(documentPaths.one(removed.id));
            setDocuments((current) => current?.filter((item) => item.id !== removed.id) ?? null);
            setOpen(null);
            setFlash(t('documents.deleted', { title: removed.title }));
            setFocusHeading((count) => count + 1);
          }}
        >
          <p>{t('documents.deleteBody')}</p>
        </ConfirmDialog>
      ) : null}
      {open?.action === 'sharing' && !rules ? (
        <Dialog
          title={t('sharing.title', { title: open.document.title })}
          open
          onClose={closeDialog}
          closeLabel={t('common.close')}
        >
          {rulesState}
        </Dialog>
      ) : null}
      {open?.action === 'sharing' && rules ? (
        <SharingDialog
          document={open.document}
          settings={rules}
          onClose={closeDialog}
          onSaved={(document) => {
            replace(document);
            setOpen(null);
            setFlash(t('sharing.saved', { title: document.title }));
          }}
        />
      ) : null}
    </section>
  );
}

function newestFirst(items: StaffDocument[]): StaffDocument[] {
  return [...items].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
