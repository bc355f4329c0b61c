import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { keysetCursor, maxOffset, offsetCursor } from './cursor';

const numRuns = Number(process.env.PROPERTY_RUNS ?? 300);

/** The error a bad cursor must be: a 400 naming the `cursor` field, nothing else. */
function refusal(run: () => unknown): AppError | null {
  try {
    run();
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const position = fc.record({
  at: fc.date({
    min: new Date(Date.UTC(1, 0, 1)),
    max: new Date(Date.UTC(9999, 11, 31)),
    noInvalidDate: true,
  }),
  id: fc.uuid({ version: [1, 2, 3, 4, 5, 6, 7, 8] }),
});

describe('keyset cursor', () => {
  it('reads back every position it writes (round trip)', () => {
    fc.assert(
      fc.property(position, (value) => {
        expect(keysetCursor.decode(keysetCursor.encode(value))).toEqual(value);
      }),
      { numRuns },
    );
  });

  it('answers any other string with a field error on `cursor`, never another error', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.base64String(), fc.json().map(b64)), (cursor) => {
        const error = refusal(() => keysetCursor.decode(cursor));
        if (error) {
          expect(error.code).toBe('VALIDATION_FAILED');
          expect(error.issues?.map((issue) => issue.path)).toEqual(['cursor']);
        }
      }),
      { numRuns },
    );
  });

  it('refuses what this server never writes: another id than a UUID, a date PostgreSQL cannot read', () => {
    const id = '0b6f1a8e-2f3c-4d5e-8f90-123456789abc';
    for (const bad of [
      b64(['2026-12-01T10:00:00.000Z', 'x']),
      b64(['+275760-09-13T00:00:00.000Z', id]),
      b64(['not a date', id]),
      b64(['2026-12-01T10:00:00.000Z', id, 'extra']),
      b64({ at: '2026-12-01T10:00:00.000Z', id }),
      b64([1, id]),
      'abc',
      '%%%',
    ]) {
      expect(refusal(() => keysetCursor.decode(bad))?.issues, bad).toEqual([
        { path: 'cursor', key: 'invalid_format' },
      ]);
    }
    expect(keysetCursor.decode(undefined)).toBeNull();
    expect(keysetCursor.decode('')).toBeNull();
  });

  it('gives the next page’s cursor only when a row more than the page was read', () => {
    const rows = [1, 2, 3].map((n) => ({
      at: new Date(n * 1000),
      id: `0b6f1a8e-2f3c-4d5e-8f90-12345678900${n}`,
    }));
    const next = keysetCursor.next(rows, 2, (row) => row);
    expect(next && keysetCursor.decode(next)).toEqual(rows[1]);
    expect(keysetCursor.next(rows, 3, (row) => row)).toBeNull();
    expect(keysetCursor.next([], 2, (row) => row)).toBeNull();
  });
});

describe('offset cursor', () => {
  it('reads back every offset it writes and refuses any beyond the deepest page', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: maxOffset }), (offset) => {
        expect(offsetCursor.decode(offsetCursor.encode(offset))).toBe(offset);
      }),
      { numRuns },
    );
    for (const bad of [
      b64({ offset: -1 }),
      b64({ offset: maxOffset + 1 }),
      b64({ offset: 1.5 }),
      '2',
      '12abc',
    ]) {
      expect(refusal(() => offsetCursor.decode(bad))?.issues, bad).toEqual([
        { path: 'cursor', key: 'invalid_format' },
      ]);
    }
  });
});
