import type { ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { safeError } from '../safe-error';

/** An event to send, or a comment that only keeps the connection open through proxies. */
export type ServerSentEvent = { event: string; data: unknown } | { keepAlive: true };

export const keepAlive: ServerSentEvent = { keepAlive: true };

/**
 * The one way a route answers with server-sent events. The use case gives an async iterator of events
 * (it decides what is sent and when the stream ends; it never sees the request or the reply); this
 * writes them, ends the answer when the iterator ends or fails, and stops the iterator (through
 * `signal`) when the client goes away. `open` holds the streams its routes end at shutdown.
 */
export async function sendServerSentEvents(
  request: FastifyRequest,
  reply: FastifyReply,
  open: Set<ServerResponse>,
  events: (signal: AbortSignal) => AsyncIterable<ServerSentEvent>,
): Promise<void> {
  reply.hijack();
  const out = reply.raw;
  out.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  out.write('retry: 3000\n\n');
  open.add(out);
  const gone = new AbortController();
  const leave = () => gone.abort();
  request.raw.on('close', leave);
  out.on('close', leave);
  void (async () => {
    try {
      for await (const item of events(gone.signal)) {
        if (gone.signal.aborted) break;
        out.write(
          'keepAlive' in item
            ? ': keep-alive\n\n'
            : `event: ${item.event}\ndata: ${JSON.stringify(item.data)}\n\n`,
        );
      }
    } catch (error) {
      // a check that fails ends the stream like a refusal; the browser reconnects and is asked again.
      // Logged (redacted) so that streams ending for another reason — a database gone — are seen.
      request.log.warn({ err: safeError(error) }, 'event stream ended by an error');
    } finally {
      open.delete(out);
      if (!out.writableEnded) out.end();
    }
  })();
}
