import type { Attachment, Message } from '../../../contracts/messaging';
import { Button } from '../../shared/ui/button';
import { sizeParts } from '../documents/format';
import { useI18n } from '../i18n';
import { formatWhen, isImage } from './format';
import { messagePaths } from './messages-api';

interface MessageItemProps {
  message: Message;
  timeZone: string;
  onFile: (attachment: Attachment) => void;
}

/** One message: who, when, the text, its attachments (open, download, file a patient's into documents). */
export function MessageItem({ message, timeZone, onFile }: MessageItemProps) {
  const { t, lang } = useI18n();
  const fromPatient = message.authorKind === 'patient';
  return (
    <article
      className="messages__bubble"
      aria-label={t(fromPatient ? 'messages.fromPatient' : 'messages.fromStaff', {
        name: message.authorName,
      })}
    >
      <p className="messages__meta">
        <span className="messages__author">{message.authorName}</span>{' '}
        <time dateTime={message.createdAt}>{formatWhen(message.createdAt, lang, timeZone)}</time>
        {!fromPatient && message.readByPatientAt ? (
          <span className="messages__read"> · {t('messages.readByPatient')}</span>
        ) : null}
      </p>
      {message.body ? <p className="messages__body">{message.body}</p> : null}
      {message.attachments.length > 0 ? (
        <ul className="messages__attachments" aria-label={t('messages.attachments')}>
          {message.attachments.map((attachment) => (
            <li key={attachment.id}>
              <AttachmentView
                attachment={attachment}
                fromPatient={fromPatient}
                timeZone={timeZone}
                onFile={onFile}
              />
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}

function AttachmentView({
  attachment,
  fromPatient,
  timeZone,
  onFile,
}: {
  attachment: Attachment;
  fromPatient: boolean;
  timeZone: string;
  onFile: (attachment: Attachment) => void;
}) {
  const { t, lang } = useI18n();
  const url = messagePaths.attachment(attachment);
  const size = sizeParts(attachment.size);
  return (
    <div className="messages__attachment">
      <a
        href={url}
        target="_blank"
        rel="noreferrer"
        aria-label={t('messages.open', { name: attachment.name })}
      >
        {isImage(attachment.contentType) ? (
          <img src={url} alt="" className="messages__thumb" loading="lazy" />
        ) : null}
        <span>{attachment.name}</span>
      </a>
      <span className="muted"> · {t(`documents.size.${size.unit}`, { value: size.value })}</span>
      <div className="messages__attachment-actions">
        <a
          className="button button--secondary"
          href={`${url}?download=1`}
          download={attachment.name}
          aria-label={t('messages.download', { name: attachment.name })}
        >
          {t('messages.downloadShort')}
        </a>
        {fromPatient && !attachment.filedAt ? (
          <Button
            variant="secondary"
            aria-label={t('messages.fileNamed', { name: attachment.name })}
            onClick={() => onFile(attachment)}
          >
            {t('messages.file')}
          </Button>
        ) : null}
      </div>
      {fromPatient && attachment.filedAt ? (
        <p className="messages__filed">
          {t('messages.filed', { date: formatWhen(attachment.filedAt, lang, timeZone) })}
        </p>
      ) : null}
    </div>
  );
}
