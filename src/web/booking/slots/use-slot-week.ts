import { useCallback, useEffect, useRef, useState } from 'react';
import type { PublicSlotPage } from '../../../contracts/booking';
import { addDays, zonedInstant } from '../../shared/zoned-time';
import { localDate } from '../format';
import { loadSlots, slotsUrl } from './slot-cache';

export interface SlotWeek {
  /** the week's address, to tell a stale answer from the current one */
  url: string;
  page: PublicSlotPage | null;
  error: unknown;
  /** first day shown, YYYY-MM-DD in the practice's zone */
  firstDay: string | null;
}

const idle = (work: () => void): void => {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(work);
  else setTimeout(work, 300);
};

/**
 * The slots of the week that starts on `week` (a local date of the practice), or of the first week
 * with availability when `week` is null. While the next week loads, the last one stays on screen.
 */
export function useSlotWeek(source: string, week: string | null, timeZone: string) {
  const url = slotsUrl(source, week ? new Date(zonedInstant(week, 0, timeZone)).toISOString() : null);
  const [shown, setShown] = useState<SlotWeek | null>(null);
  const latest = useRef(url);

  const fetchWeek = useCallback(
    (target: string) => {
      latest.current = target;
      loadSlots(target)
        .then((page) => {
          if (latest.current !== target) return;
          const firstDay = localDate(page.from, timeZone);
          setShown({ url: target, page, error: null, firstDay });
          // the next week is fetched ahead, quietly, so "next week" answers at once
          if (page.slots.length > 0 && page.nextFrom) {
            const next = new Date(zonedInstant(addDays(firstDay, 7), 0, timeZone)).toISOString();
            idle(() => void loadSlots(slotsUrl(source, next)).catch(() => undefined));
          }
        })
        .catch((error: unknown) => {
          if (latest.current === target) setShown({ url: target, page: null, error, firstDay: null });
        });
    },
    [source, timeZone],
  );
  useEffect(() => fetchWeek(url), [fetchWeek, url]);

  return {
    week: shown,
    loading: shown?.url !== url,
    retry: () => fetchWeek(url),
  };
}
