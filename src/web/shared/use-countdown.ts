import { useEffect, useState } from 'react';

const secondsLeft = (seconds: number, since: number) =>
  Math.max(0, seconds - Math.floor((Date.now() - since) / 1000));

/** Ticks `setWait` every second down to 0, counting `seconds` from `since`; returns the cleanup. */
function tickDown(seconds: number, since: number, setWait: (left: number) => void): () => void {
  setWait(secondsLeft(seconds, since));
  const timer = window.setInterval(() => {
    const next = secondsLeft(seconds, since);
    setWait(next);
    if (next === 0) window.clearInterval(timer);
  }, 1000);
  return () => window.clearInterval(timer);
}

/** Seconds left before `seconds` after `since` (a Date.now() value), ticking every second down to 0. */
export function useCountdown(seconds: number, since: number): number {
  const [wait, setWait] = useState(() => secondsLeft(seconds, since));
  useEffect(() => tickDown(seconds, since, setWait), [seconds, since]);
  return wait;
}

/** Seconds before a code may be sent again, counted from the arrival of each new challenge. */
export function useResendWait(challenge: { resendAfterSeconds: number }): number {
  const [wait, setWait] = useState(challenge.resendAfterSeconds);
  useEffect(() => tickDown(challenge.resendAfterSeconds, Date.now(), setWait), [challenge]);
  return wait;
}
