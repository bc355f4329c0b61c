import { useCallback } from 'react';
import type { PendingSignaturePage } from '../../../contracts/documents';
import { api } from '../../shared/api';
import { type CursorList, useCursorList } from '../common/use-cursor-list';
import { documentPaths } from './documents-api';

type PendingSignature = PendingSignaturePage['items'][number];

export type PendingSignatureList = CursorList<PendingSignature>;

const pageSize = 30;
// a document signed meanwhile shifts the pages: keep each one once
const keyOf = (item: PendingSignature) => item.id;

/** Documents waiting for a signature, every patient (DOC-4), page after page with the API's cursor. */
export function usePendingSignatures(): PendingSignatureList {
  const fetchPage = useCallback((cursor?: string) => {
    const params = new URLSearchParams({ limit: String(pageSize) });
    if (cursor) params.set('cursor', cursor);
    return api.get<PendingSignaturePage>(`${documentPaths.pending}?${params}`);
  }, []);
  return useCursorList(fetchPage, { keyOf });
}
