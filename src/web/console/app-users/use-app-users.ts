import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppUser } from '../../../contracts/patient-app';
import { api } from '../../shared/api';

interface Page {
  items: AppUser[];
  nextCursor: string | null;
}

export interface AppUserList {
  /** the query the items are for (trimmed) */
  searched: string;
  /** null while the first page loads (or after it failed) */
  items: AppUser[] | null;
  error: unknown;
  loading: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  more: () => Promise<void>;
  retry: () => void;
}

const pageSize = 30;
const debounceMs = 250;

function pageUrl(q: string, cursor: string | null): string {
  const params = new URLSearchParams({ limit: String(pageSize) });
  if (q) params.set('q', q);
  if (cursor) params.set('cursor', cursor);
  return `/api/console/app-users?${params}`;
}

/**
 * The patients who use the app (CON-1), filtered by a name as it is typed (after a short pause; the
 * request a newer query replaces is cancelled), page after page with the API's cursor.
 */
export function useAppUsers(query: string): AppUserList {
  const q = query.trim();
  const [page, setPage] = useState<{ searched: string; items: AppUser[] | null; nextCursor: string | null }>({
    searched: q,
    items: null,
    nextCursor: null,
  });
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const moreController = useRef<AbortController | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new attempt (Réessayer) runs the same search again
  useEffect(() => {
    moreController.current?.abort();
    setError(null);
    setLoading(true);
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      api.get<Page>(pageUrl(q, null), { signal: controller.signal }).then(
        (answer) => {
          setPage({ searched: q, ...answer });
          setLoading(false);
        },
        (caught: unknown) => {
          if (controller.signal.aborted) return;
          setPage({ searched: q, items: null, nextCursor: null });
          setError(caught);
          setLoading(false);
        },
      );
    }, debounceMs);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [q, attempt]);

  const more = useCallback(async () => {
    if (!page.nextCursor) return;
    const controller = new AbortController();
    moreController.current = controller;
    setLoadingMore(true);
    try {
      const answer = await api.get<Page>(pageUrl(page.searched, page.nextCursor), {
        signal: controller.signal,
      });
      setPage((current) => ({
        searched: current.searched,
        items: [...(current.items ?? []), ...answer.items],
        nextCursor: answer.nextCursor,
      }));
    } catch (caught) {
      if (!controller.signal.aborted) setError(caught);
    } finally {
      setLoadingMore(false);
    }
  }, [page.nextCursor, page.searched]);

  const retry = useCallback(() => setAttempt((count) => count + 1), []);

  return {
    searched: page.searched,
    items: page.items,
    error,
    loading,
    hasMore: page.nextCursor !== null,
    loadingMore,
    more,
    retry,
  };
}
