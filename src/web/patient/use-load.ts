import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../shared/api';
import { isShowingOfflineCopy } from './pwa/offline';

/** GETs started ahead of the screen that reads them (see `primeLoad`), with when they started. */
const primed = new Map<string, { at: number; answer: Promise<unknown> }>();

/**
 * Starts a screen's GET before the screen mounts (the home's figures, asked for alongside the session
 * check): its first `useLoad` of `path` within a few seconds takes that answer instead of asking again. A
 * primed GET that fails (signed out meanwhile) is simply asked again.
 */
export function primeLoad(path: string): void {
  const answer = api.get(path);
  answer.catch(() => undefined);
  primed.set(path, { at: Date.now(), answer });
}

function takePrimed<T>(path: string): Promise<T> | null {
  const entry = primed.get(path);
  primed.delete(path);
  if (!entry || Date.now() - entry.at > 10_000) return null;
  return (entry.answer as Promise<T>).catch(() => api.get<T>(path));
}

export type Load<T> =
  | { kind: 'loading' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'ready'; data: T; refreshing: boolean };

/**
 * GETs one API path for a screen, and again when the path changes, when `reload()` is called and when the
 * network comes back (the screen then leaves the offline copy for fresh data). A reload keeps the data
 * on screen while it runs. `null` waits.
 */
export function useLoad<T>(path: string | null): {
  load: Load<T>;
  reload: () => void;
  setData: (data: T) => void;
} {
  const [load, setLoad] = useState<Load<T>>({ kind: 'loading' });
  const [version, setVersion] = useState(0);
  const current = useRef(load);
  const shownPath = useRef<string | null>(null);
  current.current = load;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` asks for the same path again
  useEffect(() => {
    if (path === null) return;
    let live = true;
    const shown = current.current;
    // another path (another person) never shows the previous one's data while it loads
    const same = shownPath.current === path;
    shownPath.current = path;
    setLoad(shown.kind === 'ready' && same ? { ...shown, refreshing: true } : { kind: 'loading' });
    (takePrimed<T>(path) ?? api.get<T>(path))
      .then((data) => {
        if (live) setLoad({ kind: 'ready', data, refreshing: false });
      })
      .catch((error: unknown) => {
        if (!live) return;
        // a reload that fails keeps what the screen shows; the offline banner says why
        setLoad((before) =>
          before.kind === 'ready' ? { ...before, refreshing: false } : { kind: 'failed', error },
        );
      });
    return () => {
      live = false;
    };
  }, [path, version]);

  useEffect(() => {
    // The browser says "online" a moment before requests get through: the first fetch after it may still
    // be answered from the offline copy. Ask again a few times, a little later each time, until a fresh
    // answer comes (or the network goes away again).
    const timers: number[] = [];
    const again = () => {
      setVersion((value) => value + 1);
      for (const delay of [1_000, 3_000, 7_000]) {
        timers.push(
          window.setTimeout(() => {
            if (navigator.onLine && isShowingOfflineCopy()) setVersion((value) => value + 1);
          }, delay),
        );
      }
    };
    window.addEventListener('online', again);
    return () => {
      window.removeEventListener('online', again);
      for (const timer of timers) window.clearTimeout(timer);
    };
  }, []);

  const reload = useCallback(() => setVersion((value) => value + 1), []);
  const setData = useCallback((data: T) => setLoad({ kind: 'ready', data, refreshing: false }), []);
  return { load, reload, setData };
}
