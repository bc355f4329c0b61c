import { z } from 'zod';
import { AppError } from '../errors';

/**
 * The one way lists write and read their `cursor` (opaque to clients): a typed value as base64url JSON,
 * checked on the way back in. A cursor this server did not write — garbage, an id that is not a UUID, a
 * date out of the four-digit years — is the client's error (400 with an issue on `cursor`), never a
 * failing query.
 */
export interface CursorCodec<T> {
  encode(value: T): string;
  /** No cursor (absent or empty) is the first page: `null`. */
  decode(cursor: string | undefined): T | null;
  /**
   * The cursor after a page read with `limit + 1` rows: the key of its last row when a row more was
   * found, otherwise `null` (the last page).
   */
  next<R>(rows: readonly R[], limit: number, keyOf: (last: R) => T): string | null;
}

function cursorCodec<T, W>(wire: z.ZodType<W>, write: (value: T) => W, read: (wire: W) => T): CursorCodec<T> {
  const refuse = () => AppError.field('cursor', 'invalid_format');
  const codec: CursorCodec<T> = {
    encode: (value) => Buffer.from(JSON.stringify(write(value))).toString('base64url'),
    decode: (cursor) => {
      if (!cursor) return null;
      let json: unknown;
      try {
        json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      } catch {
        throw refuse();
      }
      const parsed = wire.safeParse(json);
      if (!parsed.success) throw refuse();
      return read(parsed.data);
    },
    next: (rows, limit, keyOf) => {
      const last = rows[limit - 1];
      return rows.length > limit && last !== undefined ? codec.encode(keyOf(last)) : null;
    },
  };
  return codec;
}

// every instant this server writes has a four-digit year; PostgreSQL cannot read `+275760-…`
const minTime = Date.UTC(1, 0, 1);
const maxTime = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const instant = z.string().refine((value) => {
  const time = new Date(value).getTime();
  return !Number.isNaN(time) && time >= minTime && time <= maxTime;
});
/** Any UUID the database accepts (the `uuid` type does not check a version). */
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);

/** A keyset position: the sort instant and the id of the last row of a page. */
export interface KeysetPosition {
  at: Date;
  id: string;
}

/** Keyset lists sorted on (an instant, id): messages, inbox, review requests, waitlist, outbox… */
export const keysetCursor = cursorCodec<KeysetPosition, [string, string]>(
  z.tuple([instant, uuid]),
  ({ at, id }) => [at.toISOString(), id],
  ([at, id]) => ({ at: new Date(at), id }),
);

/** The deepest page a ranked list (patient search) may reach by offset. */
export const maxOffset = 10_000;

/** Ranked lists that cannot page by key (patient search by similarity): the number of rows skipped. */
export const offsetCursor = cursorCodec<number, { offset: number }>(
  z.object({ offset: z.number().int().min(0).max(maxOffset) }).strict(),
  (offset) => ({ offset }),
  ({ offset }) => offset,
);
