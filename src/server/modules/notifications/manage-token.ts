import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The token of a manage link (BOOK-4): the appointment id and a keyed signature of it. Unguessable
 * without the server's secret, and bound to one appointment: it cannot be changed to reach another.
 */
export function manageToken(secret: string, appointmentId: string): string {
  return `${appointmentId}.${signature(secret, appointmentId)}`;
}

/** The appointment id of a valid token, or null. */
export function appointmentOfToken(secret: string, token: string): string | null {
  const [id, given] = token.split('.');
  if (!id || !given || !/^[0-9a-f-]{36}$/.test(id)) return null;
  const expected = Buffer.from(signature(secret, id));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? id : null;
}

function signature(secret: string, appointmentId: string): string {
  return createHmac('sha256', secret).update(`manage:${appointmentId}`).digest('base64url').slice(0, 32);
}
