import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { DocumentSettings, DocumentType, StaffDocument, Visibility } from '../../../contracts/documents';
import { ApiError } from '../../shared/api';
import { Button } from '../../shared/ui/button';
import { CheckboxField } from '../../shared/ui/checkbox-field';
import { TextField } from '../../shared/ui/field';
import { SelectField } from '../../shared/ui/select-field';
import { useI18n } from '../i18n';
import { FormAlert } from '../settings/common/form-alert';
import { documentTypeList } from './document-types';
import { type UploadHandle, uploadDocument } from './documents-api';
import { FileField } from './file-field';
import { audiencesOf, titleFromFileName } from './format';
import { VisibilityFields } from './visibility-fields';

/** Refusals that concern the file itself: shown under the file input. */
const fileErrorCodes = new Set(['FILE_EMPTY', 'FILE_TOO_LARGE', 'FILE_TYPE_NOT_ALLOWED', 'PDF_NOT_SIGNABLE']);
const shownPaths = new Set(['file', 'title', 'type', 'visibility']);

interface UploadFormProps {
  patientId: string;
  settings: DocumentSettings;
  onUploaded: (document: StaffDocument) => void;
  onCancel: () => void;
}

/**
 * Adds a PDF to a patient's documents: the file, its type, its title, whether the patient signs it, and
 * who sees it (the type's default unless overridden here). The server checks the type from the file's
 * content; its refusals (not a PDF, too large, empty) show under the file field.
 */
export function UploadForm({ patientId, settings, onUploaded, onCancel }: UploadFormProps) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [type, setType] = useState<DocumentType>('quote');
  const [title, setTitle] = useState('');
  const [titleTouched, setTitleTouched] = useState(false);
  const [requiresSignature, setRequiresSignature] = useState(false);
  const [letterToProfessional, setLetterToProfessional] = useState(false);
  const [ownVisibility, setOwnVisibility] = useState<Visibility | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState<{ file?: boolean; title?: boolean }>({});
  const fileInput = useRef<HTMLInputElement>(null);
  const titleBox = useRef<HTMLDivElement>(null);
  const upload = useRef<UploadHandle | null>(null);
  // the field to focus once React has shown its error (and re-enabled it after an upload)
  const [focusTarget, setFocusTarget] = useState<{ field: 'file' | 'title' } | null>(null);

  // leaving the page cancels an upload under way
  useEffect(() => () => upload.current?.abort(), []);
  useEffect(() => {
    if (focusTarget?.field === 'file') fileInput.current?.focus();
    if (focusTarget?.field === 'title') titleBox.current?.querySelector('input')?.focus();
  }, [focusTarget]);

  const typeDefault = settings.types[type];
  const busy = progress !== null;
  const apiError = error instanceof ApiError ? error : null;
  const fileError = missing.file
    ? t('documents.upload.fileMissing')
    : apiError && fileErrorCodes.has(apiError.code)
      ? apiError.message
      : apiError?.issueFor('file');
  const titleError = missing.title ? t('documents.upload.titleMissing') : apiError?.issueFor('title');
  const otherError = apiError && fileErrorCodes.has(apiError.code) ? null : error;

  const chooseFile = (chosen: File | null) => {
    setFile(chosen);
    setError(null);
    setMissing((current) => ({ ...current, file: false }));
    if (chosen && !titleTouched) setTitle(titleFromFileName(chosen.name));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const lacking = { file: !file, title: title.trim() === '' };
    setMissing(lacking);
    setError(null);
    if (!file || lacking.title) {
      setFocusTarget({ field: lacking.file ? 'file' : 'title' });
      return;
    }
    setProgress(0);
    const handle = uploadDocument(
      patientId,
      {
        type,
        title: title.trim(),
        requiresSignature,
        letterToProfessional: type === 'letter' && letterToProfessional,
        visibility: ownVisibility,
        file,
      },
      setProgress,
    );
    upload.current = handle;
    try {
      onUploaded(await handle.done);
    } catch (caught) {
      if (caught instanceof DOMException && caught.name === 'AbortError') return;
      setError(caught);
      if (caught instanceof ApiError && (fileErrorCodes.has(caught.code) || caught.issueFor('file'))) {
        setFocusTarget({ field: 'file' });
      } else if (caught instanceof ApiError && caught.issueFor('title')) {
        setFocusTarget({ field: 'title' });
      }
    } finally {
      upload.current = null;
      setProgress(null);
    }
  };

  const percent = Math.round((progress ?? 0) * 100);
  const defaultList = audiencesOf(typeDefault)
    .map((audience) => t(`documents.audience.${audience}`))
    .join(', ');

  return (
    <form className="doc-upload" onSubmit={submit} noValidate aria-busy={busy || undefined}>
      <FileField
        ref={fileInput}
        label={t('documents.upload.file')}
        hint={t('documents.upload.fileHint')}
        accept="application/pdf,.pdf"
        error={fileError}
        disabled={busy}
        onChange={chooseFile}
      />
      <div className="form-grid">
        <SelectField
          label={t('documents.upload.type')}
          value={type}
          disabled={busy}
          error={apiError?.issueFor('type')}
          onChange={(value) => setType(value as DocumentType)}
        >
          {documentTypeList.map((value) => (
            <option key={value} value={value}>
              {t(`documents.type.${value}`)}
            </option>
          ))}
        </SelectField>
        <div ref={titleBox}>
          <TextField
            label={t('documents.upload.title')}
            hint={t('documents.upload.titleHint')}
            value={title}
            required
            requiredLabel={t('common.required')}
            maxLength={200}
            disabled={busy}
            error={titleError}
            onChange={(value) => {
              setTitle(value);
              setTitleTouched(true);
              setMissing((current) => ({ ...current, title: false }));
            }}
          />
        </div>
      </div>
      <CheckboxField
        label={t('documents.upload.toSign')}
        hint={t('documents.upload.toSignHint')}
        checked={requiresSignature}
        disabled={busy}
        onChange={setRequiresSignature}
      />
      {type === 'letter' ? (
        <CheckboxField
          label={t('documents.upload.letterToProfessional')}
          hint={t('documents.upload.letterToProfessionalHint')}
          checked={letterToProfessional}
          disabled={busy}
          onChange={setLetterToProfessional}
        />
      ) : null}
      <CheckboxField
        label={t('documents.upload.typeDefault')}
        hint={t('documents.upload.typeDefaultHint', {
          type: t(`documents.type.${type}`),
          who: defaultList || t('documents.audience.none'),
        })}
        checked={ownVisibility === null}
        disabled={busy}
        onChange={(useDefault) => setOwnVisibility(useDefault ? null : { ...typeDefault })}
      />
      {ownVisibility ? (
        <VisibilityFields
          legend={t('documents.upload.visibility')}
          value={ownVisibility}
          disabled={busy}
          onChange={setOwnVisibility}
        />
      ) : null}
      {busy ? (
        <div className="doc-upload__progress" role="status">
          <label>
            <span>{t('documents.upload.sending', { percent })}</span>
            <progress max={100} value={percent} />
          </label>
        </div>
      ) : null}
      <FormAlert error={otherError} isShown={(path) => shownPaths.has(path)} />
      <div className="form-actions">
        <Button type="submit" busy={busy}>
          {t('documents.upload.submit')}
        </Button>
        <Button
          variant="secondary"
          onClick={() => {
            if (upload.current) upload.current.abort();
            else onCancel();
          }}
        >
          {busy ? t('documents.upload.abort') : t('settings.cancel')}
        </Button>
      </div>
    </form>
  );
}
