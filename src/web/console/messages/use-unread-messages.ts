import { useEffect, useRef, useState } from 'react';
import type { UnreadCount } from '../../../contracts/messaging';
import { api } from '../../shared/api';
import { subscribeMessageStream } from './message-stream';
import { messagePaths } from './messages-api';

const readHereEvent = 'sourire:messages-read';

/** Tells the badge that a thread was opened in this tab, without waiting for the stream's echo. */
export function announceMessagesRead(): void {
  window.dispatchEvent(new Event(readHereEvent));
}

export interface PatientMessageArrival {
  patientId: string;
  threadId: string;
  unread: number | null;
}

/**
 * The number of patient messages no staff member has opened, for the navigation's badge: read at start,
 * again on each event of the message stream, when the window gets the focus back and when a thread is
 * opened here. Reads are background calls, so they never keep a staff session awake. `onArrival` hears
 * each new patient message once the count is known (for the browser notification). `null` until known.
 */
export function useUnreadMessages(
  active: boolean,
  onArrival: (arrival: PatientMessageArrival) => void,
): number | null {
  const [count, setCount] = useState<number | null>(null);
  const latestArrival = useRef(onArrival);
  latestArrival.current = onArrival;

  useEffect(() => {
    if (!active) return;
    let controller: AbortController | null = null;
    const load = (arrival?: Omit<PatientMessageArrival, 'unread'>) => {
      controller?.abort();
      const mine = new AbortController();
      controller = mine;
      api.get<UnreadCount>(messagePaths.unreadCount, { background: true, signal: mine.signal }).then(
        (answer) => {
          setCount(answer.unreadMessages);
          if (arrival) latestArrival.current({ ...arrival, unread: answer.unreadMessages });
        },
        () => {
          // a failed read keeps the last count, but the arrival is still worth saying
          if (arrival) latestArrival.current({ ...arrival, unread: null });
        },
      );
    };
    const unsubscribe = subscribeMessageStream((notice) => {
      if (notice.kind === 'message' && notice.data.authorKind === 'patient') {
        load({ patientId: notice.data.patientId, threadId: notice.data.threadId });
      } else {
        load();
      }
    });
    const onFocus = () => load();
    load();
    window.addEventListener('focus', onFocus);
    window.addEventListener(readHereEvent, onFocus);
    return () => {
      unsubscribe();
      window.removeEventListener('focus', onFocus);
      window.removeEventListener(readHereEvent, onFocus);
      controller?.abort();
    };
  }, [active]);
  return active ? count : null;
}
