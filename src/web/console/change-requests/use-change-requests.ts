import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChangeRequestStatus, StaffChangeRequest } from '../../../contracts/patient-app';
import { api } from '../../shared/api';

export type StatusFilter = ChangeRequestStatus | 'all';

interface Page {
  items: StaffChangeRequest[];
  nextCursor: string | null;
}

export interface ChangeRequestList {
  /** null while the first page loads (or after it failed) */
  items: StaffChangeRequest[] | null;
  error: unknown;
  hasMore: boolean;
  loadingMore: boolean;
  reload: () => Promise<void>;
  more: () => Promise<void>;
  /** shows a request as the server answered after a decision, where it stands in the list */
  replace: (item: StaffChangeRequest) => void;
}

const pageSize = 30;

/**
 * The review requests of one status, page after page with the API's cursor; a new status starts from
 * its first page. Pending ones come oldest first (a queue), the others newest first.
 */
export function useChangeRequests(status: StatusFilter): ChangeRequestList {
  const [items, setItems] = useState<StaffChangeRequest[] | null>(null);
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
      return api.get<Page>(`/api/console/change-requests?${params}`);
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
      // a request decided meanwhile may come twice: keep the first
      setItems((current) => {
        const known = new Set((current ?? []).map((item) => item.id));
        return [...(current ?? []), ...page.items.filter((item) => !known.has(item.id))];
      });
      setNextCursor(page.nextCursor);
    } catch (caught) {
      if (mine === generation.current) setError(caught);
    } finally {
      setLoadingMore(false);
    }
  }, [fetchPage, nextCursor]);

  const replace = useCallback((item: StaffChangeRequest) => {
    setItems((current) => current?.map((existing) => (existing.id === item.id ? item : existing)) ?? current);
  }, []);

  return { items, error, hasMore: nextCursor !== null, loadingMore, reload, more, replace };
}
