import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/** Answers smaller than this go as they are: compressing them saves less than it costs. */
export const compressThreshold = 1024;

/**
 * JSON and text answers (`text/calendar` included) are worth compressing; an event stream never is (a
 * compressor holds the events back until its buffer fills), and the files Sourire serves (photos, PDF)
 * are compressed already.
 */
export function isCompressible(contentType: string): boolean {
  const type = contentType.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  if (type === 'text/event-stream') return false;
  return type.startsWith('text/') || type === 'application/json' || type.endsWith('+json');
}

/**
 * Compresses API answers for clients that accept it (br, then gzip), above `compressThreshold` bytes
 * (Lighthouse flagged the booking page's uncompressed JSON, issue 9 §3.15). Registered before the routes:
 * the plugin attaches itself to each route as it is declared.
 *
 * What it leaves alone:
 * - the built web files: `@fastify/static` sends their `.br`/`.gz` copies with a `Content-Encoding`
 *   already set, which the plugin respects;
 * - the live streams (SSE): their routes take the socket over (`reply.hijack()`), no `onSend` runs, and
 *   `text/event-stream` is not a compressible type here anyway;
 * - stored files (photos, PDF): not compressible types (the plugin's own table agrees);
 * - request bodies: no decompression of what clients send (`globalDecompression: false`), so the body
 *   limit keeps measuring what really arrives.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, {
    global: true,
    globalDecompression: false,
    encodings: ['br', 'gzip'],
    threshold: compressThreshold,
    customTypes: isCompressible,
  });
}
