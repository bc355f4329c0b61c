import { useCallback, useEffect, useRef, useState } from 'react';
import type { PatientSummary } from '../../../contracts/patients';
import { api } from '../../shared/api';

interface Page {
  items: PatientSummary[];
  nextCursor: string | null;
}

export interface PatientSearch {
  /** the query the results are for (trimmed); '' before any search */
  searched: string;
  items: PatientSummary[];
  nextCursor: string | null;
  /** a search or a next page is under way */
  loading: boolean;
  error: unknown;
  more: () => void;
  retry: () => void;
}

const debounceMs = 250;
export const minQueryLength = 2;

function pageUrl(q: string, limit: number, cursor: string | null): string {
  const params = new URLSearchParams({ q, limit: String(limit) });
  if (cursor) params.set('cursor', cursor);
  return `/api/console/patients?${params}`;
}

/**
 * Searches as the query is typed (PAT-3): waits for a short pause, cancels the request a newer query
 * replaces, keeps the previous results on screen meanwhile. Below `minQueryLength` characters, no search.
 */
export function usePatientSearch(query: string, limit = 10): PatientSearch {
  const q = query.trim();
  const [page, setPage] = useState<Page & { searched: string }>({
    searched: '',
    items: [],
    nextCursor: null,
  });
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const moreController = useRef<AbortController | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new attempt (Réessayer) runs the same search again
  useEffect(() => {
    moreController.current?.abort();
    setError(null);
    if (q.length < minQueryLength) {
      setPage({ searched: '', items: [], nextCursor: null });
      setLoading(false);
      return;
    }
    setLoading(true);
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      api.get<Page>(pageUrl(q, limit, null), { signal: controller.signal }).then(
        (answer) => {
          setPage({ searched: q, ...answer });
          setLoading(false);
        },
        (caught: unknown) => {
          if (controller.signal.aborted) return;
          setError(caught);
          setLoading(false);
        },
      );
    }, debounceMs);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [q, limit, attempt]);

  const more = useCallback(() => {
    if (!page.nextCursor) return;
    const controller = new AbortController();
    moreController.current = controller;
    setLoading(true);
    api.get<Page>(pageUrl(page.searched, limit, page.nextCursor), { signal: controller.signal }).then(
      (answer) => {
        setPage((current) => ({
          searched: current.searched,
          items: [...current.items, ...answer.items],
          nextCursor: answer.nextCursor,
        }));
        setLoading(false);
      },
      (caught: unknown) => {
        if (controller.signal.aborted) return;
        setError(caught);
        setLoading(false);
      },
    );
  }, [page.nextCursor, page.searched, limit]);

  const retry = useCallback(() => setAttempt((count) => count + 1), []);

  return { ...page, loading, error, more, retry };
}
