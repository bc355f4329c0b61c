import { createHmac, timingSafeEqual } from 'node:crypto';

/** A manage link stops working this long after the appointment's end (BOOK-4). */
export const manageLinkLifetimeMs = 30 * 86_400_000;

/** `<appointment id>.<signature>`: a lower-case UUID, a dot, 32 base64url characters, nothing else. */
const tokenShape = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{32})$/;

/**
 * The token of a manage link (BOOK-4): the appointment id and a keyed signature of it. Unguessable
 * without the server's secret, and bound to one appointment: it cannot be changed to reach another.
 * @public
 */
export function manageToken(secret: string, appointmentId: string): string {
  return `${appointmentId}.${signature(secret, appointmentId)}`;
}

/**
 * The appointment id of a valid token, or null. Parsed strictly: exactly the shape `manageToken` makes
 * (no extra dot or suffix, no padding, no other length or alphabet), then the signature compared in
 * constant time, so any change to a valid token is refused.
 * @public
 */
export function appointmentOfToken(secret: string, token: string): string | null {
  const parts = tokenShape.exec(token);
  const id = parts?.[1];
  const given = parts?.[2];
  if (!id || !given) return null;
  const expected = Buffer.from(signature(secret, id));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? id : null;
}

/**
 * Whether a manage link of an appointment ending at `endsAt` has expired at `now`.
 * @public
 */
export function manageLinkExpired(endsAt: Date, now: Date): boolean {
  return now.getTime() > endsAt.getTime() + manageLinkLifetimeMs;
}

function signature(secret: string, appointmentId: string): string {
  return createHmac('sha256', secret).update(`manage:${appointmentId}`).digest('base64url').slice(0, 32);
}
