import { useCallback, useEffect, useRef, useState } from 'react';
import type { InboxPage, InboxThread } from '../../../contracts/messaging';
import { api } from '../../shared/api';
import { subscribeMessageStream } from './message-stream';
import { messagePaths } from './messages-api';

export interface Inbox {
  items: InboxThread[] | null;
  nextCursor: string | null;
  error: unknown;
  loadingMore: boolean;
  more: () => void;
  reload: () => void;
}

/**
 * The console's inbox for a search and the unread filter: its first page, then "show more" pages. Each
 * event of the message stream reads the first page again and puts it in front of the pages already shown,
 * so a new message brings its thread to the top without losing the place.
 */
export function useInbox(q: string, unread: boolean): Inbox {
  const [items, setItems] = useState<InboxThread[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const request = useRef(0);

  const loadFirst = useCallback(
    async (keep: boolean) => {
      const id = ++request.current;
      try {
        const page = await api.get<InboxPage>(messagePaths.inbox({ q, unread }), { background: keep });
        if (id !== request.current) return;
        setError(null);
        setItems((current) => {
          if (!keep || !current) return page.items;
          const fresh = new Set(page.items.map((item) => item.threadId));
          // a thread read elsewhere leaves the unread filter
          const older = current.slice(page.items.length).filter((item) => !fresh.has(item.threadId));
          return [...page.items, ...older];
        });
        setNextCursor((current) => (keep && current && page.nextCursor ? current : page.nextCursor));
      } catch (caught) {
        if (id === request.current && !keep) setError(caught);
      }
    },
    [q, unread],
  );

  useEffect(() => {
    setItems(null);
    setNextCursor(null);
    // a search waits for a pause in the typing
    const timer = window.setTimeout(() => void loadFirst(false), q ? 250 : 0);
    return () => window.clearTimeout(timer);
  }, [loadFirst, q]);

  useEffect(() => {
    let timer: number | undefined;
    const unsubscribe = subscribeMessageStream(() => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void loadFirst(true), 150);
    });
    return () => {
      window.clearTimeout(timer);
      unsubscribe();
    };
  }, [loadFirst]);

  const more = useCallback(() => {
    if (!nextCursor || loadingMore) return;
    setLoadingMore(true);
    const id = request.current;
    api
      .get<InboxPage>(messagePaths.inbox({ q, unread, cursor: nextCursor }))
      .then(
        (page) => {
          if (id !== request.current) return;
          setItems((current) => {
            const known = new Set((current ?? []).map((item) => item.threadId));
            return [...(current ?? []), ...page.items.filter((item) => !known.has(item.threadId))];
          });
          setNextCursor(page.nextCursor);
        },
        (caught: unknown) => setError(caught),
      )
      .finally(() => setLoadingMore(false));
  }, [nextCursor, loadingMore, q, unread]);

  const reload = useCallback(() => void loadFirst(false), [loadFirst]);
  return { items, nextCursor, error, loadingMore, more, reload };
}
