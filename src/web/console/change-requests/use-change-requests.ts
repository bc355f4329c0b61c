import { useCallback } from 'react';
import type { ChangeRequestStatus, StaffChangeRequest } from '../../../contracts/patient-app';
import { api } from '../../shared/api';
import { type CursorList, type CursorPage, useCursorList } from '../common/use-cursor-list';

export type StatusFilter = ChangeRequestStatus | 'all';

export interface ChangeRequestList extends Omit<CursorList<StaffChangeRequest>, 'update'> {
  /** shows a request as the server answered after a decision, where it stands in the list */
  replace: (item: StaffChangeRequest) => void;
}

const pageSize = 30;
// a request decided meanwhile may come twice: keep the first
const keyOf = (item: StaffChangeRequest) => item.id;

/**
 * The review requests of one status, page after page with the API's cursor; a new status starts from
 * its first page. Pending ones come oldest first (a queue), the others newest first.
 */
export function useChangeRequests(status: StatusFilter): ChangeRequestList {
  const fetchPage = useCallback(
    (cursor?: string) => {
      const params = new URLSearchParams({ limit: String(pageSize) });
      if (status !== 'all') params.set('status', status);
      if (cursor) params.set('cursor', cursor);
      return api.get<CursorPage<StaffChangeRequest>>(`/api/console/change-requests?${params}`);
    },
    [status],
  );
  const { update, ...list } = useCursorList(fetchPage, { keyOf });

  const replace = useCallback(
    (item: StaffChangeRequest) => {
      update((current) => current.map((existing) => (existing.id === item.id ? item : existing)));
    },
    [update],
  );

  return { ...list, replace };
}
