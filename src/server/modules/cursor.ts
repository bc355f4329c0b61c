import { AppError } from '../errors';

/** Opaque keyset cursors: the sort key of the last item of a page, base64url-encoded. */
export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// every cursor this server writes has a four-digit year; PostgreSQL cannot read `+275760-…`
const minTime = Date.UTC(1, 0, 1);
const maxTime = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * Reads a cursor written by `encodeCursor`. Anything else — garbage, another id than a UUID, a date
 * out of the four-digit years — is the client's error (400 on `cursor`), never a failing query.
 */
export function decodeCursor(cursor: string): { at: Date; id: string } {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw AppError.field('cursor', 'invalid_format');
  }
  if (!Array.isArray(decoded) || decoded.length !== 2) throw AppError.field('cursor', 'invalid_format');
  const [at, id] = decoded as [unknown, unknown];
  if (typeof at !== 'string' || typeof id !== 'string' || !uuid.test(id)) {
    throw AppError.field('cursor', 'invalid_format');
  }
  const date = new Date(at);
  const time = date.getTime();
  if (Number.isNaN(time) || time < minTime || time > maxTime) {
    throw AppError.field('cursor', 'invalid_format');
  }
  return { at: date, id };
}
