/** What a live feed yields when nothing was heard for a while: time to check the caller and keep the line. */
export const heartbeat = Symbol('heartbeat');
export type Heartbeat = typeof heartbeat;

/**
 * A push subscription (the live bus) as an async iterator, for use cases that stream: the items pushed,
 * in order and one at a time (the next waits while the caller handles one), and a `heartbeat` every
 * `heartbeatMs`. It ends when `signal` aborts (the client went away); leaving it unsubscribes.
 */
export async function* liveFeed<T>(
  subscribe: (push: (item: T) => void) => () => void,
  options: { heartbeatMs: number; signal: AbortSignal },
): AsyncGenerator<T | Heartbeat> {
  const queue: (T | Heartbeat)[] = [];
  let wake: (() => void) | null = null;
  const push = (item: T | Heartbeat) => {
    queue.push(item);
    wake?.();
  };
  const unsubscribe = subscribe(push);
  const timer = setInterval(() => push(heartbeat), options.heartbeatMs);
  const stop = () => wake?.();
  options.signal.addEventListener('abort', stop);
  try {
    while (!options.signal.aborted) {
      const next = queue.shift();
      if (next !== undefined) {
        yield next;
        continue;
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = null;
    }
  } finally {
    clearInterval(timer);
    unsubscribe();
    options.signal.removeEventListener('abort', stop);
  }
}
