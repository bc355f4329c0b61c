import { createHmac, timingSafeEqual } from 'node:crypto';

/** The cookie that marks a browser where a staff member has signed in before (issue 10 §1). */
export const knownDeviceCookie = 'sourire_staff_device';
/** How long a browser stays known after its last successful sign-in. */
export const knownDeviceMs = 180 * 24 * 60 * 60_000;
/** A few people may share a computer at the desk: one entry per account, the most recent kept. */
const maxEntries = 5;

/**
 * A known device spares its owner the account-wide sign-in counter, the one a stranger who knows her
 * email can fill from many addresses; the per-address counters still apply. The cookie holds up to five
 * entries separated by `~`, each `<issued ms>.<HMAC-SHA256(session secret, staff id|issued), base64url>`:
 * it names no account, cannot be forged without the secret, and is worth nothing for another account.
 */
export function isKnownDevice(
  secret: string,
  cookie: string | undefined,
  account: string,
  now: Date,
): boolean {
  return entries(cookie).some((entry) => entryIsFor(secret, entry, account, now));
}

/** The cookie after a successful sign-in of the staff member `account` (her id): its fresh entry first, then the other accounts'. */
export function rememberDevice(
  secret: string,
  cookie: string | undefined,
  account: string,
  now: Date,
): string {
  const issued = String(now.getTime());
  const fresh = `${issued}.${mac(secret, account, issued)}`;
  const others = entries(cookie).filter((entry) => !entryIsFor(secret, entry, account, now, true));
  return [fresh, ...others].slice(0, maxEntries).join('~');
}

function entries(cookie: string | undefined): string[] {
  if (!cookie || cookie.length > 1000) return [];
  return cookie.split('~').slice(0, maxEntries);
}

function entryIsFor(secret: string, entry: string, account: string, now: Date, evenIfOld = false): boolean {
  const [issued = '', given = ''] = entry.split('.');
  if (!/^\d{1,15}$/.test(issued)) return false;
  const age = now.getTime() - Number(issued);
  if (!evenIfOld && (age < 0 || age > knownDeviceMs)) return false;
  const expected = Buffer.from(mac(secret, account, issued));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function mac(secret: string, account: string, issued: string): string {
  return createHmac('sha256', secret).update(`staff-device|${account}|${issued}`).digest('base64url');
}
