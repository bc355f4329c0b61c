import { expect } from 'vitest';

/** One server-sent event as received: its name and its JSON data. */
export interface ReceivedEvent {
  event: string;
  data: Record<string, unknown>;
}

/**
 * Opens an event stream over real HTTP (`url` of a listening test app) and collects its events as they
 * arrive; the answer must be a 200 `text/event-stream`. `ended` turns true when the server ends it.
 */
export async function openEventStream(url: string, cookie: string) {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: { cookie, accept: 'text/event-stream' },
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const events: ReceivedEvent[] = [];
  let ended = false;
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  void (async () => {
    let text = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
        const blocks = text.split('\n\n');
        text = blocks.pop() ?? '';
        for (const block of blocks) {
          const lines = block.split('\n');
          const event = lines.find((line) => line.startsWith('event: '))?.slice(7);
          const data = lines.find((line) => line.startsWith('data: '))?.slice(6);
          if (event && data) events.push({ event, data: JSON.parse(data) as Record<string, unknown> });
        }
      }
    } catch {
      // aborted by the test
    } finally {
      ended = true;
    }
  })();
  const until = async (done: () => boolean, timeoutMs: number, what: () => string) => {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(what());
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  return {
    events,
    /** The events of one name, in order. */
    named: (name: string) => events.filter((received) => received.event === name),
    get ended() {
      return ended;
    },
    /** Waits until the events received so far satisfy `predicate` (throws after `timeoutMs`). */
    waitFor: (predicate: (events: ReceivedEvent[]) => boolean, timeoutMs = 5_000) =>
      until(
        () => predicate(events),
        timeoutMs,
        () => `events so far: ${JSON.stringify(events)}`,
      ),
    /** Waits until the server ends the stream, or `timeoutMs`; the caller checks `ended`. */
    waitForEnd: (timeoutMs = 2_000) =>
      until(
        () => ended,
        timeoutMs,
        () => 'still open',
      ).catch(() => undefined),
    close: () => controller.abort(),
  };
}
