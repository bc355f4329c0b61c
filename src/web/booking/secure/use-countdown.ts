import { useEffect, useState } from 'react';

/** Seconds left before `seconds` after `since` (a Date.now() value), ticking every second down to 0. */
export function useCountdown(seconds: number, since: number): number {
  const left = () => Math.max(0, seconds - Math.floor((Date.now() - since) / 1000));
  const [wait, setWait] = useState(left);
  useEffect(() => {
    const remaining = () => Math.max(0, seconds - Math.floor((Date.now() - since) / 1000));
    setWait(remaining());
    const timer = window.setInterval(() => {
      const next = remaining();
      setWait(next);
      if (next === 0) window.clearInterval(timer);
    }, 1000);
    return () => window.clearInterval(timer);
  }, [seconds, since]);
  return wait;
}
