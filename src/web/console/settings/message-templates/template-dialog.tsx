import { useState } from 'react';
import type { MessageTemplate } from '../../../../contracts/messaging';
import { ApiError } from '../../../shared/api';
import { CheckboxField } from '../../../shared/ui/checkbox-field';
import { TextField } from '../../../shared/ui/field';
import { TextAreaField } from '../../../shared/ui/textarea-field';
import { FileField } from '../../documents/file-field';
import { useI18n } from '../../i18n';
import { acceptedFiles, fileErrorCodes, messagePaths, sendForm } from '../../messages/messages-api';
import { DialogForm } from '../common/dialog-form';
import { shownPaths } from '../common/form-alert';

interface TemplateDialogProps {
  template: MessageTemplate | null;
  onClose: () => void;
  onSaved: (template: MessageTemplate) => void;
}

/** Creates or edits a predefined reply: title, text, an optional attachment (replaced or removed). */
export function TemplateDialog({ template, onClose, onSaved }: TemplateDialogProps) {
  const { t } = useI18n();
  const [title, setTitle] = useState(template?.title ?? '');
  const [body, setBody] = useState(template?.body ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [removeAttachment, setRemoveAttachment] = useState(false);
  const [missing, setMissing] = useState<{ title?: boolean; body?: boolean }>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const apiError = error instanceof ApiError ? error : null;

  const submit = async () => {
    const lacking = { title: title.trim() === '', body: body.trim() === '' };
    setMissing(lacking);
    if (lacking.title || lacking.body) return;
    setBusy(true);
    setError(null);
    try {
      const fields = {
        title: title.trim(),
        body: body.trim(),
        removeAttachment: template && removeAttachment && !file ? 'true' : undefined,
      };
      const files = file ? [{ field: 'file', file }] : [];
      const saved = template
        ? await sendForm<MessageTemplate>('PUT', messagePaths.template(template.id), fields, files)
        : await sendForm<MessageTemplate>('POST', messagePaths.templates, fields, files);
      onSaved(saved);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  const fileError =
    apiError && fileErrorCodes.has(apiError.code) ? apiError.message : apiError?.issueFor('file');
  return (
    <DialogForm
      title={template ? t('templates.editTitle', { title: template.title }) : t('templates.newTitle')}
      onClose={onClose}
      onSubmit={() => void submit()}
      busy={busy}
      error={apiError && fileErrorCodes.has(apiError.code) ? null : error}
      isShown={shownPaths('title', 'body', 'file')}
      wide
    >
      <TextField
        label={t('templates.fieldTitle')}
        hint={t('templates.fieldTitleHint')}
        value={title}
        required
        requiredLabel={t('common.required')}
        maxLength={100}
        error={missing.title ? t('templates.titleMissing') : apiError?.issueFor('title')}
        onChange={setTitle}
      />
      <TextAreaField
        label={t('templates.fieldBody')}
        value={body}
        rows={5}
        maxLength={5000}
        required
        error={missing.body ? t('templates.bodyMissing') : apiError?.issueFor('body')}
        onChange={setBody}
      />
      {template?.attachment ? (
        <CheckboxField
          label={t('templates.removeAttachment')}
          hint={t('templates.current', { name: template.attachment.name })}
          checked={removeAttachment}
          onChange={setRemoveAttachment}
        />
      ) : null}
      <FileField
        label={template?.attachment ? t('templates.fieldFileReplace') : t('templates.fieldFile')}
        hint={t('templates.fieldFileHint')}
        accept={acceptedFiles}
        error={fileError}
        disabled={busy}
        onChange={setFile}
      />
    </DialogForm>
  );
}
