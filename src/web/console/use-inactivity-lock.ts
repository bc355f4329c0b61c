import { useEffect, useRef } from 'react';
import { api } from '../shared/api';

const activityEvents = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'pointermove'] as const;

/**
 * Locks the console after `seconds` without keyboard, mouse or touch, and tells the server the person
 * is still there (at most every 30 s) while they work, so server and browser agree on the lock.
 */
export function useInactivityLock(seconds: number, active: boolean, lock: () => void): void {
  const lastInput = useRef(Date.now());
  const lastBeat = useRef(Date.now());

  useEffect(() => {
    if (!active) return;
    lastInput.current = Date.now();
    const onInput = () => {
      lastInput.current = Date.now();
    };
    for (const type of activityEvents)
      window.addEventListener(type, onInput, { passive: true, capture: true });
    const heartbeatMs = Math.min(30_000, (seconds * 1000) / 3);
    const timer = window.setInterval(() => {
      const now = Date.now();
      if (now - lastInput.current >= seconds * 1000) {
        lock();
        return;
      }
      if (lastInput.current > lastBeat.current && now - lastBeat.current >= heartbeatMs) {
        lastBeat.current = now;
        void api.post('/api/staff/activity').catch(() => undefined);
      }
    }, 1000);
    return () => {
      window.clearInterval(timer);
      for (const type of activityEvents) window.removeEventListener(type, onInput, { capture: true });
    };
  }, [seconds, active, lock]);
}
