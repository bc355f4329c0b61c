import { type FormEvent, type KeyboardEvent, useId, useRef, useState } from 'react';
import type { Message, MessageTemplate, MessageTemplateList } from '../../../contracts/messaging';
import { ApiError } from '../../shared/api';
import { Button } from '../../shared/ui/button';
import { SelectField } from '../../shared/ui/select-field';
import { TextAreaField } from '../../shared/ui/textarea-field';
import { useI18n } from '../i18n';
import { FormAlert } from '../settings/common/form-alert';
import { useResource } from '../settings/common/use-resource';
import { acceptedFiles, fileErrorCodes, messagePaths, sendForm } from './messages-api';

interface ReplyFormProps {
  patientId: string;
  onSent: (message: Message) => void;
}

const isShown = (path: string) => path === 'body' || path === 'files';

/**
 * The reply box: text, files, and a predefined reply whose text is inserted here (to adjust before
 * sending) and whose attachment the server copies into the message (`templateId`).
 */
export function ReplyForm({ patientId, onSent }: ReplyFormProps) {
  const { t } = useI18n();
  const templates = useResource<MessageTemplateList>(messagePaths.templates);
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [template, setTemplate] = useState<MessageTemplate | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [empty, setEmpty] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const fileId = useId();
  const items = templates.data?.items ?? [];

  const chooseTemplate = (id: string) => {
    const chosen = items.find((item) => item.id === id);
    if (!chosen) return;
    setTemplate(chosen);
    setEmpty(false);
    setBody((current) => (current.trim() ? `${current.trimEnd()}\n\n${chosen.body}` : chosen.body));
    form.current?.querySelector('textarea')?.focus();
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    const attachesTemplate = Boolean(template?.attachment);
    if (!body.trim() && files.length === 0 && !attachesTemplate) {
      setEmpty(true);
      form.current?.querySelector('textarea')?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const sent = await sendForm<Message>(
        'POST',
        messagePaths.thread(patientId),
        { body: body.trim(), templateId: template?.id },
        files.map((file) => ({ field: 'files', file })),
      );
      setBody('');
      setFiles([]);
      setTemplate(null);
      if (fileInput.current) fileInput.current.value = '';
      onSent(sent);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  };

  const apiError = error instanceof ApiError ? error : null;
  const fileError =
    apiError && fileErrorCodes.has(apiError.code) ? apiError.message : (apiError?.issueFor('files') ?? null);
  const bodyError = empty ? t('messages.emptyReply') : apiError?.issueFor('body');

  return (
    <form
      ref={form}
      className="messages__reply"
      onSubmit={submit}
      onKeyDown={onKeyDown}
      noValidate
      aria-busy={busy || undefined}
      aria-labelledby="messages-reply-title"
    >
      <h3 id="messages-reply-title" className="visually-hidden">
        {t('messages.reply')}
      </h3>
      {items.length > 0 ? (
        <SelectField
          label={t('messages.template')}
          hint={t('messages.templateHint')}
          value=""
          disabled={busy}
          onChange={chooseTemplate}
        >
          <option value="">{t('messages.templateNone')}</option>
          {items.map((item) => (
            <option key={item.id} value={item.id}>
              {item.title}
            </option>
          ))}
        </SelectField>
      ) : null}
      <TextAreaField
        label={t('messages.replyBody')}
        hint={t('messages.replyHint')}
        value={body}
        rows={4}
        maxLength={5000}
        disabled={busy}
        error={bodyError}
        onChange={(value) => {
          setBody(value);
          setEmpty(false);
        }}
      />
      {template?.attachment ? (
        <p className="messages__template-file">
          {t('messages.templateAttachment', { name: template.attachment.name })}{' '}
          <Button
            variant="link"
            disabled={busy}
            onClick={() => setTemplate(null)}
            aria-label={t('messages.templateAttachmentRemove', { name: template.attachment.name })}
          >
            ×
          </Button>
        </p>
      ) : null}
      <div className={`field${fileError ? ' field--invalid' : ''}`}>
        <label htmlFor={fileId}>{t('messages.replyFiles')}</label>
        <p id={`${fileId}-hint`} className="field__hint">
          {t('messages.replyFilesHint')}
        </p>
        <input
          ref={fileInput}
          id={fileId}
          type="file"
          multiple
          accept={acceptedFiles}
          disabled={busy}
          aria-invalid={fileError ? true : undefined}
          aria-describedby={`${fileId}-hint${fileError ? ` ${fileId}-error` : ''}`}
          onChange={(event) => {
            setFiles(Array.from(event.target.files ?? []));
            setError(null);
          }}
        />
        {fileError ? (
          <p id={`${fileId}-error`} className="field__error">
            {fileError}
          </p>
        ) : null}
      </div>
      <FormAlert error={apiError && fileErrorCodes.has(apiError.code) ? null : error} isShown={isShown} />
      <div className="form-actions">
        <Button type="submit" busy={busy}>
          {t('messages.send')}
        </Button>
      </div>
    </form>
  );
}
