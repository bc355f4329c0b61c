import { type Counted, limits } from '../auth/rate-limit';

/**
 * The failure counters of a sign-in or an unlock: the account from this address (5 per 15 min), the
 * address across accounts (30 per 15 min), and the account from every address (10 a minute). The last
 * one only slows a spread-out guesser down: a stranger who knows an email cannot keep its owner out
 * for more than a minute, since her own address keeps its own count.
 */
export function staffLoginCounters(email: string, ip: string | null): Counted[] {
  const address = ip ?? 'unknown';
  return [
    { key: `staff-login:account-ip:${email}:${address}`, limit: limits.staffLoginPerAccountAndIp },
    { key: `staff-login:ip:${address}`, limit: limits.staffLoginPerIp },
    { key: `staff-login:account:${email}`, limit: limits.staffLoginPerAccount },
  ];
}
