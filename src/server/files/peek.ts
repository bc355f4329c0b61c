import { Readable } from 'node:stream';

/**
 * Reads the first `length` bytes of an upload (fewer when it is shorter) and gives back a stream of the
 * whole upload, those bytes included: the route checks the content type from the head before anything
 * is stored, then streams the rest to storage without buffering it.
 */
export async function peekHead(
  source: AsyncIterable<Uint8Array>,
  length: number,
): Promise<{ head: Uint8Array; stream: Readable }> {
  const iterator = source[Symbol.asyncIterator]();
  const seen: Uint8Array[] = [];
  let seenLength = 0;
  let done = false;
  while (seenLength < length) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    seen.push(next.value);
    seenLength += next.value.length;
  }
  const all = Buffer.concat(seen);
  const replay = async function* (): AsyncGenerator<Uint8Array> {
    if (all.length > 0) yield all;
    if (done) return;
    // Not `yield* iterator`: the iterator is resumed, never restarted, so the source is read once.
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  };
  return { head: all.subarray(0, length), stream: Readable.from(replay(), { objectMode: false }) };
}
