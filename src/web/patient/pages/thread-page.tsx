import { useCallback, useEffect, useState } from 'react';
import { Link } from 'wouter';
import type { Attachment, Message, MessagePage } from '../../../contracts/messaging';
import { api } from '../../shared/api';
import { Button } from '../../shared/ui/button';
import { ErrorAlert } from '../../shared/ui/error-alert';
import { fileSize, shortDateTime } from '../format';
import { useI18n } from '../i18n';
import { messagingPaths, type StreamEvent } from '../messaging/messaging-api';
import { useMessageStream } from '../messaging/use-message-stream';
import { useSession } from '../session';
import { LoadFailure, Loading, ModuleDisabled } from '../ui/load-failure';
import { PageTitle } from '../ui/page-title';
import { MessageComposer } from './message-composer';

type Thread =
  | { kind: 'loading' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'ready'; messages: Message[]; nextCursor: string | null };

/** Newest first, each message once (a page read again replaces the copies it holds). */
function merge(current: Message[], incoming: Message[]): Message[] {
  const byId = new Map(current.map((message) => [message.id, message]));
  for (const message of incoming) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/**
 * One patient's conversation with the practice (MSG-1, MSG-3): the messages with their author, time and
 * files, older ones page by page, the composer, and what the practice writes appears live. Once shown,
 * the practice's unread messages are marked read (an explicit POST).
 */
export function ThreadPage({ patientId }: { patientId: string }) {
  const { t } = useI18n();
  const { me } = useSession();
  const member = me.family.find((candidate) => candidate.id === patientId);
  const known = member !== undefined;
  const enabled = me.modules.messaging.enabled;
  const [thread, setThread] = useState<Thread>({ kind: 'loading' });
  const [olderBusy, setOlderBusy] = useState(false);
  const [olderError, setOlderError] = useState<unknown>(null);
  const [arrived, setArrived] = useState(0);

  const readNewest = useCallback(async () => {
    try {
      const page = await api.get<MessagePage>(messagingPaths.thread(patientId));
      setThread((before) =>
        before.kind === 'ready'
          ? { ...before, messages: merge(before.messages, page.items) }
          : { kind: 'ready', messages: merge([], page.items), nextCursor: page.nextCursor },
      );
      // shown: the practice's unread messages are marked read by an explicit POST (a GET changes nothing)
      if (page.items.some((message) => message.authorKind === 'staff' && !message.readByPatientAt)) {
        await api.post(messagingPaths.read(patientId), undefined, { background: true });
      }
    } catch (error) {
      setThread((before) => (before.kind === 'ready' ? before : { kind: 'failed', error }));
    }
  }, [patientId]);

  useEffect(() => {
    if (!enabled || !known) return;
    setThread({ kind: 'loading' });
    void readNewest();
  }, [enabled, known, readNewest]);

  const onEvent = useCallback(
    (event: StreamEvent) => {
      if (event.data.patientId !== patientId) return;
      if (event.kind === 'message' && event.data.authorKind === 'staff') setArrived((count) => count + 1);
      void readNewest();
    },
    [patientId, readNewest],
  );
  useMessageStream(onEvent, () => void readNewest());

  const readOlder = async (cursor: string) => {
    setOlderBusy(true);
    setOlderError(null);
    try {
      const page = await api.get<MessagePage>(messagingPaths.thread(patientId, cursor));
      setThread((before) =>
        before.kind === 'ready'
          ? { kind: 'ready', messages: merge(before.messages, page.items), nextCursor: page.nextCursor }
          : before,
      );
    } catch (error) {
      setOlderError(error);
    } finally {
      setOlderBusy(false);
    }
  };

  const onSent = (message: Message) =>
    setThread((before) =>
      before.kind === 'ready' ? { ...before, messages: merge(before.messages, [message]) } : before,
    );

  if (!member) {
    return (
      <>
        <PageTitle>{t('notFound.title')}</PageTitle>
        <p>{t('notFound.body')}</p>
      </>
    );
  }
  const name = `${member.firstName} ${member.lastName}`;
  return (
    <>
      <PageTitle>{t('msg.threadTitle', { name })}</PageTitle>
      <p>
        <Link href="/messagerie">{t('msg.allThreads')}</Link>
      </p>
      {!enabled ? <ModuleDisabled /> : null}
      {enabled && thread.kind === 'loading' ? <Loading /> : null}
      {enabled && thread.kind === 'failed' ? (
        <LoadFailure error={thread.error} onRetry={() => void readNewest()} />
      ) : null}
      {enabled && thread.kind === 'ready' ? (
        <>
          <section className="card home-card" aria-label={t('msg.listLabel')}>
            {thread.nextCursor ? (
              <div className="stack older">
                <Button
                  variant="secondary"
                  busy={olderBusy}
                  onClick={() => thread.nextCursor && void readOlder(thread.nextCursor)}
                >
                  {t('msg.older')}
                </Button>
                <ErrorAlert error={olderError} withFields />
              </div>
            ) : null}
            {thread.messages.length === 0 ? <p className="muted">{t('msg.empty')}</p> : null}
            <ol className="messages">
              {[...thread.messages].reverse().map((message) => (
                <MessageItem key={message.id} message={message} />
              ))}
            </ol>
            <p className="visually-hidden" aria-live="polite">
              {arrived > 0 ? t('msg.arrived') : ''}
            </p>
          </section>
          <MessageComposer patientId={patientId} onSent={onSent} />
        </>
      ) : null}
    </>
  );
}

function MessageItem({ message }: { message: Message }) {
  const { t, lang } = useI18n();
  const mine = message.authorKind === 'patient';
  return (
    <li className={`message ${mine ? 'message--mine' : 'message--practice'}`}>
      <p className="message__meta small">
        {t('msg.byAt', { name: message.authorName, time: shortDateTime(message.createdAt, lang) })}
      </p>
      {message.body ? <p className="message__body">{message.body}</p> : null}
      {message.attachments.length > 0 ? (
        <ul className="message__files">
          {message.attachments.map((attachment) => (
            <li key={attachment.id}>
              <AttachmentLink attachment={attachment} />
            </li>
          ))}
        </ul>
      ) : null}
      {mine && message.readByStaffAt ? (
        <p className="message__read small">{t('msg.readByPractice')}</p>
      ) : null}
    </li>
  );
}

/** A photo as a thumbnail, a PDF as its name; both open the file in a new tab (the browser's viewer). */
function AttachmentLink({ attachment }: { attachment: Attachment }) {
  const { t, lang } = useI18n();
  const href = messagingPaths.attachment(attachment.id);
  const label = t('msg.openFile', { name: attachment.name });
  const image = attachment.contentType.startsWith('image/') && !attachment.contentType.includes('hei');
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className="attachment" aria-label={label}>
      {image ? (
        <img src={href} alt="" className="attachment__thumb" loading="lazy" />
      ) : (
        <span className="attachment__icon" aria-hidden="true">
          PDF
        </span>
      )}
      <span className="attachment__name">
        {t('msg.fileSize', { name: attachment.name, size: fileSize(attachment.size, lang) })}
      </span>
    </a>
  );
}
