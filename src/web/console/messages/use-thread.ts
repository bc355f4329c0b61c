import { useCallback, useEffect, useRef, useState } from 'react';
import type { Message, StaffThread } from '../../../contracts/messaging';
import { api } from '../../shared/api';
import { subscribeMessageStream } from './message-stream';
import { messagePaths } from './messages-api';
import { announceMessagesRead } from './use-unread-messages';

export interface Thread {
  thread: StaffThread | null;
  /** oldest first, as they are read */
  messages: Message[];
  error: unknown;
  loadingOlder: boolean;
  older: (() => void) | null;
  /** a message sent or changed here (filed attachment) */
  put: (message: Message) => void;
  reload: () => void;
}

function merge(current: Message[], incoming: Message[]): Message[] {
  const byId = new Map(current.map((message) => [message.id, message]));
  for (const message of incoming) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/**
 * One patient's thread in the console. Once shown, its unread patient messages are marked read by an
 * explicit POST (reading by GET changes nothing), so a new message that arrives while the tab is hidden
 * is fetched, and marked read, only when the tab shows again.
 */
export function useThread(patientId: string): Thread {
  const [thread, setThread] = useState<StaffThread | null>(null);
  const [messages, setMessages] = useState<Message[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const latestRequest = useRef(0);

  const loadNewest = useCallback(
    async (quiet: boolean) => {
      const id = ++latestRequest.current;
      try {
        const page = await api.get<StaffThread>(messagePaths.thread(patientId), { background: quiet });
        if (id !== latestRequest.current) return;
        setError(null);
        setThread(page);
        setMessages((current) => merge(quiet ? current : [], page.items));
        if (!quiet) setCursor(page.nextCursor);
        if (page.items.some((message) => message.authorKind === 'patient' && !message.readByStaffAt)) {
          await api.post(messagePaths.read(patientId), undefined, { background: true });
          if (id !== latestRequest.current) return;
          const readAt = new Date().toISOString();
          setMessages((current) =>
            current.map((message) =>
              message.authorKind === 'patient' && !message.readByStaffAt
                ? { ...message, readByStaffAt: readAt }
                : message,
            ),
          );
          announceMessagesRead();
        }
      } catch (caught) {
        if (id === latestRequest.current && !quiet) setError(caught);
      }
    },
    [patientId],
  );

  useEffect(() => {
    setThread(null);
    setMessages([]);
    void loadNewest(false);
  }, [loadNewest]);

  useEffect(() => {
    let waiting = false;
    const refresh = () => {
      if (document.visibilityState === 'hidden') {
        waiting = true;
        return;
      }
      waiting = false;
      void loadNewest(true);
    };
    const onVisible = () => {
      if (waiting && document.visibilityState === 'visible') refresh();
    };
    const unsubscribe = subscribeMessageStream((notice) => {
      if (notice.kind === 'reconnected') refresh();
      // our own reading echoes back: only the patient's reading or a new message changes the view
      else if (notice.data.patientId === patientId && !(notice.kind === 'read' && notice.data.by === 'staff'))
        refresh();
    });
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      unsubscribe();
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [loadNewest, patientId]);

  const older = useCallback(() => {
    if (!cursor) return;
    setLoadingOlder(true);
    api
      .get<StaffThread>(messagePaths.thread(patientId, cursor))
      .then(
        (page) => {
          setMessages((current) => merge(current, page.items));
          setCursor(page.nextCursor);
        },
        (caught: unknown) => setError(caught),
      )
      .finally(() => setLoadingOlder(false));
  }, [cursor, patientId]);

  const put = useCallback((message: Message) => setMessages((current) => merge(current, [message])), []);
  const reload = useCallback(() => void loadNewest(false), [loadNewest]);
  return { thread, messages, error, loadingOlder, older: cursor ? older : null, put, reload };
}
