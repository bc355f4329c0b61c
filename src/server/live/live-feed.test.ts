import { describe, expect, it } from 'vitest';
import { heartbeat, liveFeed } from './live-feed';

/** A subscription the test pushes into by hand, counting who listens. */
function source<T>() {
  const listeners = new Set<(item: T) => void>();
  return {
    listeners,
    push: (item: T) => {
      for (const listener of listeners) listener(item);
    },
    subscribe: (listener: (item: T) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

describe('live feed', () => {
  it('yields what is pushed, in order, even while the caller is busy, then ends and unsubscribes on abort', async () => {
    const bus = source<number>();
    const stop = new AbortController();
    const seen: number[] = [];
    const done = (async () => {
      for await (const item of liveFeed(bus.subscribe, { heartbeatMs: 60_000, signal: stop.signal })) {
        if (item === heartbeat) continue;
        seen.push(item);
        // a slow check: what arrives meanwhile waits its turn
        await new Promise((resolve) => setTimeout(resolve, 20));
        if (item === 1) bus.push(3);
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 0));
    bus.push(1);
    bus.push(2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen).toEqual([1, 2, 3]);
    expect(bus.listeners.size).toBe(1);
    stop.abort();
    await done;
    expect(bus.listeners.size).toBe(0);
  });

  it('beats when nothing is heard, and a caller that stops early unsubscribes too', async () => {
    const bus = source<string>();
    const items: unknown[] = [];
    for await (const item of liveFeed(bus.subscribe, {
      heartbeatMs: 10,
      signal: new AbortController().signal,
    })) {
      items.push(item);
      if (items.length === 2) break;
    }
    expect(items).toEqual([heartbeat, heartbeat]);
    expect(bus.listeners.size).toBe(0);
  });
});
