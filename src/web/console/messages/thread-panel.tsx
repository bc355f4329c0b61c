import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import type { Attachment, Message } from '../../../contracts/messaging';
import { Button } from '../../shared/ui/button';
import { useI18n } from '../i18n';
import { Flash, useFlash } from '../settings/common/flash';
import { ResourceState } from '../settings/common/resource-state';
import { FileAttachmentDialog } from './file-attachment-dialog';
import { formatBirthDate } from './format';
import { MessageItem } from './message-item';
import { ReplyForm } from './reply-form';
import { useThread } from './use-thread';

interface ThreadPanelProps {
  patientId: string;
  timeZone: string;
}

/** One patient's thread: the messages of both sides, oldest first, and the reply box under them. */
export function ThreadPanel({ patientId, timeZone }: ThreadPanelProps) {
  const { t, lang } = useI18n();
  const thread = useThread(patientId);
  const [filing, setFiling] = useState<{ message: Message; attachment: Attachment } | null>(null);
  const [flash, setFlash] = useFlash();
  const list = useRef<HTMLOListElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const newestId = thread.messages.at(-1)?.id;

  // the newest message in view when it arrives
  useEffect(() => {
    if (newestId) list.current?.lastElementChild?.scrollIntoView?.({ block: 'nearest' });
  }, [newestId]);
  const loaded = thread.thread !== null;
  useEffect(() => {
    if (loaded) heading.current?.focus({ preventScroll: true });
  }, [loaded]);

  if (!thread.thread) {
    return (
      <section className="messages__thread-panel" aria-label={t('messages.title')}>
        <Link href="~/console/messages" className="messages__back">
          {t('messages.back')}
        </Link>
        <ResourceState error={thread.error} onRetry={thread.reload} />
      </section>
    );
  }
  const { patient } = thread.thread;
  const name = `${patient.firstName} ${patient.lastName}`;
  return (
    <section className="messages__thread-panel" aria-labelledby="messages-thread-title">
      <Link href="~/console/messages" className="messages__back">
        {t('messages.back')}
      </Link>
      <div className="messages__thread-head">
        <h2 id="messages-thread-title" ref={heading} tabIndex={-1}>
          {t('messages.threadOf', { name })}
        </h2>
        <p className="muted">
          {t('messages.bornOn', { date: formatBirthDate(patient.birthDate, lang) })} ·{' '}
          <Link href={`~/console/patients/${patient.id}`}>{t('messages.patientFile')}</Link>
        </p>
      </div>
      <Flash message={flash} />
      {thread.older ? (
        <Button variant="secondary" busy={thread.loadingOlder} onClick={thread.older}>
          {t('messages.older')}
        </Button>
      ) : null}
      {thread.messages.length === 0 ? (
        <p className="muted">{t('messages.threadEmpty')}</p>
      ) : (
        <ol className="messages__list" ref={list} aria-live="polite" aria-relevant="additions">
          {thread.messages.map((message) => (
            <li key={message.id} className={`messages__item messages__item--${message.authorKind}`}>
              <MessageItem
                message={message}
                timeZone={timeZone}
                onFile={(attachment) => setFiling({ message, attachment })}
              />
            </li>
          ))}
        </ol>
      )}
      <ReplyForm
        patientId={patientId}
        onSent={(message) => {
          thread.put(message);
          setFlash(t('messages.sent'));
        }}
      />
      {filing ? (
        <FileAttachmentDialog
          attachment={filing.attachment}
          onClose={() => setFiling(null)}
          onFiled={(filed) => {
            const { message } = filing;
            thread.put({
              ...message,
              attachments: message.attachments.map((one) => (one.id === filed.id ? filed : one)),
            });
            setFiling(null);
            setFlash(t('messages.fileDone', { name: filed.name }));
          }}
        />
      ) : null}
    </section>
  );
}
