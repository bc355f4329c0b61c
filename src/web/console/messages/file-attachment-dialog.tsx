import { useState } from 'react';
import type { DocumentType } from '../../../contracts/documents';
import type { Attachment } from '../../../contracts/messaging';
import { ApiError, api } from '../../shared/api';
import { TextField } from '../../shared/ui/field';
import { SelectField } from '../../shared/ui/select-field';
import { documentTypeList } from '../documents/document-types';
import { titleFromFileName } from '../documents/format';
import { useI18n } from '../i18n';
import { DialogForm } from '../settings/common/dialog-form';
import { shownPaths } from '../settings/common/form-alert';
import { messagePaths } from './messages-api';

interface FileAttachmentDialogProps {
  attachment: Attachment;
  onClose: () => void;
  onFiled: (attachment: Attachment) => void;
}

/** Files a patient's attachment into the patient's documents (MSG-1), with a type and a title. */
export function FileAttachmentDialog({ attachment, onClose, onFiled }: FileAttachmentDialogProps) {
  const { t } = useI18n();
  const [type, setType] = useState<DocumentType>('external_scanned');
  const [title, setTitle] = useState(() => titleFromFileName(attachment.name) || attachment.name);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const apiError = error instanceof ApiError ? error : null;

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const body = title.trim() ? { type, title: title.trim() } : { type };
      onFiled(await api.post<Attachment>(messagePaths.fileAttachment(attachment.id), body));
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <DialogForm
      title={t('messages.fileTitle')}
      onClose={onClose}
      onSubmit={() => void submit()}
      busy={busy}
      error={error}
      isShown={shownPaths('type', 'title')}
      submitLabel={t('messages.fileSubmit')}
    >
      <p>{t('messages.fileIntro', { name: attachment.name })}</p>
      <SelectField
        label={t('messages.fileType')}
        value={type}
        error={apiError?.issueFor('type')}
        onChange={(value) => setType(value as DocumentType)}
      >
        {documentTypeList.map((value) => (
          <option key={value} value={value}>
            {t(`documents.type.${value}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('messages.fileDocTitle')}
        value={title}
        maxLength={200}
        error={apiError?.issueFor('title')}
        onChange={setTitle}
      />
    </DialogForm>
  );
}
