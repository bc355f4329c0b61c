import { useCallback, useEffect, useRef, useState } from 'react';

/** One page of a list the API serves with a cursor. */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

export interface CursorList<T> {
  /** null while the first page loads (or after it failed) */
  items: T[] | null;
  error: unknown;
  hasMore: boolean;
  loadingMore: boolean;
  reload: () => Promise<void>;
  more: () => Promise<void>;
  /** changes the items shown (nothing while the first page is missing) */
  update: (change: (items: T[]) => T[]) => void;
}

export interface CursorListOptions<T> {
  /**
   * Where an item may come twice (the pages shift when one leaves the list meanwhile): its key, and a
   * later page keeps only the items not shown yet (a function defined once, outside the component).
   * Without it, a page is added as it comes.
   */
  keyOf?: (item: T) => string;
}

/**
 * A list read page after page with the API's cursor: the first page, then "more" from the cursor of the
 * last one. `fetchPage` (kept stable with useCallback) reads one page; a new `fetchPage` (another
 * filter, say) starts again from its first page, and the answers asked before a reload are dropped.
 */
export function useCursorList<T>(
  fetchPage: (cursor?: string) => Promise<CursorPage<T>>,
  { keyOf }: CursorListOptions<T> = {},
): CursorList<T> {
  const [items, setItems] = useState<T[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  // answers of an older filter, or asked before a reload, are dropped
  const generation = useRef(0);

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
      setItems((current) => {
        if (!keyOf) return [...(current ?? []), ...page.items];
        const known = new Set((current ?? []).map(keyOf));
        return [...(current ?? []), ...page.items.filter((item) => !known.has(keyOf(item)))];
      });
      setNextCursor(page.nextCursor);
    } catch (caught) {
      if (mine === generation.current) setError(caught);
    } finally {
      setLoadingMore(false);
    }
  }, [fetchPage, nextCursor, keyOf]);

  const update = useCallback((change: (items: T[]) => T[]) => {
    setItems((current) => (current ? change(current) : current));
  }, []);

  return { items, error, hasMore: nextCursor !== null, loadingMore, reload, more, update };
}
