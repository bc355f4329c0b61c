import { useCallback } from 'react';
import type { WaitlistEntry } from '../../../contracts/waitlist';
import { api } from '../../shared/api';
import { type CursorList, type CursorPage, useCursorList } from '../common/use-cursor-list';

export type StatusFilter = WaitlistEntry['status'] | 'all';

export type Waitlist = CursorList<WaitlistEntry>;

const pageSize = 50;

/** The waiting list of one status, page after page; a new status starts from its first page. */
export function useWaitlist(status: StatusFilter): Waitlist {
  const fetchPage = useCallback(
    (cursor?: string) => {
      const params = new URLSearchParams({ limit: String(pageSize) });
      if (status !== 'all') params.set('status', status);
      if (cursor) params.set('cursor', cursor);
      return api.get<CursorPage<WaitlistEntry>>(`/api/console/waitlist?${params}`);
    },
    [status],
  );
  return useCursorList(fetchPage);
}
