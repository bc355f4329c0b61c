import { useCallback, useEffect, useRef, useState } from 'react';
import type { PendingSignaturePage } from '../../../contracts/documents';
import { api } from '../../shared/api';
import { documentPaths } from './documents-api';

type PendingSignature = PendingSignaturePage['items'][number];

export interface PendingSignatureList {
  /** null while the first page loads (or after it failed) */
  items: PendingSignature[] | null;
  error: unknown;
  hasMore: boolean;
  loadingMore: boolean;
  reload: () => Promise<void>;
  more: () => Promise<void>;
}

const pageSize = 30;

/** Documents waiting for a signature, every patient (DOC-4), page after page with the API's cursor. */
export function usePendingSignatures(): PendingSignatureList {
  const [items, setItems] = useState<PendingSignature[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  // a page asked before a reload is dropped
  const generation = useRef(0);

  const fetchPage = useCallback((cursor?: string) => {
    const params = new URLSearchParams({ limit: String(pageSize) });
    if (cursor) params.set('cursor', cursor);
    return api.get<PendingSignaturePage>(`${documentPaths.pending}?${params}`);
  }, []);

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
    void reload();
  }, [reload]);

  const more = useCallback(async () => {
    if (!nextCursor) return;
    const mine = generation.current;
    setLoadingMore(true);
    try {
      const page = await fetchPage(nextCursor);
      if (mine !== generation.current) return;
      // a document signed meanwhile shifts the pages: keep each one once
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

  return { items, error, hasMore: nextCursor !== null, loadingMore, reload, more };
}
