import { useCallback, useEffect, useRef, useState } from 'react';
import type { WaitlistEntry } from '../../../contracts/waitlist';
import { api } from '../../shared/api';

export type StatusFilter = WaitlistEntry['status'] | 'all';

interface Page {
  items: WaitlistEntry[];
  nextCursor: string | null;
}

export interface Waitlist {
  /** null while the first page loads (or after it failed) */
  items: WaitlistEntry[] | null;
  error: unknown;
  hasMore: boolean;
  loadingMore: boolean;
  reload: () => Promise<void>;
  more: () => Promise<void>;
}

const pageSize = 50;

/** The waiting list of one status, page after page; a new status starts from its first page. */
export function useWaitlist(status: StatusFilter): Waitlist {
  const [items, setItems] = useState<WaitlistEntry[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  // answers of an older filter are dropped
  const generation = useRef(0);

  const fetchPage = useCallback(
    (cursor?: string) => {
      const params = new URLSearchParams({ limit: String(pageSize) });
      if (status !== 'all') params.set('status', status);
      if (cursor) params.set('cursor', cursor);
      return api.get<Page>(`/api/console/waitlist?${params}`);
    },
    [status],
  );

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const page = await fetchPage();
      if (mine !== generation.current) return;
      setItems(page.items);
      setNextCursor(page.nextCursor);
      setError(null);
    } catch (caught) {
      if (mine !== generation.current) return;
      setItems(null);
      setError(caught);
    }
  }, [fetchPage]);

  useEffect(() => {
    setItems(null);
    setError(null);
    void reload();
  }, [reload]);

  const more = useCallback(async () => {
    if (!nextCursor) return;
    const mine = generation.current;
    setLoadingMore(true);
    try {
      const page = await fetchPage(nextCursor);
      if (mine !== generation.current) return;
      setItems((current) => [...(current ?? []), ...page.items]);
      setNextCursor(page.nextCursor);
    } catch (caught) {
      if (mine === generation.current) setError(caught);
    } finally {
      setLoadingMore(false);
    }
  }, [fetchPage, nextCursor]);

  return { items, error, hasMore: nextCursor !== null, loadingMore, reload, more };
}
