import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { peekHead } from './peek';
import { readAll } from './test-helpers';

const chunks = (...parts: string[]) => Readable.from(parts.map((part) => Buffer.from(part)));

describe('peekHead', () => {
  it('gives the first bytes across chunks and replays the whole upload', async () => {
    const { head, stream } = await peekHead(chunks('%P', 'DF-1.7', ' rest', ' of the file'), 4);
    expect(Buffer.from(head).toString()).toBe('%PDF');
    expect((await readAll(stream)).toString()).toBe('%PDF-1.7 rest of the file');
  });

  it('handles an upload shorter than the head, and an empty one', async () => {
    const short = await peekHead(chunks('ab'), 10);
    expect(Buffer.from(short.head).toString()).toBe('ab');
    expect((await readAll(short.stream)).toString()).toBe('ab');

    const empty = await peekHead(chunks(), 10);
    expect(empty.head.length).toBe(0);
    expect((await readAll(empty.stream)).length).toBe(0);
  });

  it('passes on an error of the source after the head', async () => {
    const failing = async function* () {
      yield Buffer.from('head bytes');
      throw new Error('client went away');
    };
    const { stream } = await peekHead(failing(), 4);
    await expect(readAll(stream)).rejects.toThrow('client went away');
  });
});
