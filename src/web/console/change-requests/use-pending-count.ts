import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { pendingCountSchema } from '../../../contracts/patient-app';
import { api } from '../../shared/api';

type PendingCount = z.infer<typeof pendingCountSchema>;

const pollMs = 60_000;
const changedEvent = 'sourire:change-requests-changed';

/** Tells the badge that a request was decided here, so it does not wait for the next minute. */
export function announceChangeRequestsChanged(): void {
  window.dispatchEvent(new Event(changedEvent));
}

/**
 * How many review requests wait for a decision, for the navigation's badge: asked every minute while
 * the page is visible, when the window gets the focus back, and after a decision in this tab. Polls are
 * background calls, so they never keep a staff session awake. `null` until known.
 */
export function usePendingCount(active: boolean): number | null {
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    if (!active) return;
    let controller: AbortController | null = null;
    const load = () => {
      controller?.abort();
      const mine = new AbortController();
      controller = mine;
      api
        .get<PendingCount>('/api/console/change-requests/pending-count', {
          background: true,
          signal: mine.signal,
        })
        .then(
          (answer) => setCount(answer.pending),
          // a failed poll keeps the last count; session problems are handled by the session itself
          () => undefined,
        );
    };
    const tick = () => {
      if (document.visibilityState === 'visible') load();
    };
    load();
    const timer = window.setInterval(tick, pollMs);
    window.addEventListener('focus', load);
    document.addEventListener('visibilitychange', tick);
    window.addEventListener(changedEvent, load);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', load);
      document.removeEventListener('visibilitychange', tick);
      window.removeEventListener(changedEvent, load);
      controller?.abort();
    };
  }, [active]);
  return active ? count : null;
}
