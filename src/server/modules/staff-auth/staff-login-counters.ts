import { addressKey } from '../auth/address-key';
import { type Counted, limits } from '../auth/rate-limit';

/**
 * The failure counters of a sign-in or an unlock: the account from this address (5 per 15 min), the
 * address across accounts (30 per 15 min), and the account from every address (10 a minute). The last
 * one only slows a spread-out guesser down, and is not taken on a device where this account has signed
 * in before (`isKnownDevice`): a stranger who knows an email and keeps it full from many addresses slows
 * down new devices, never the owner at her own computer. Addresses are keyed by `addressKey` (an IPv6
 * /64 counts as one address).
 */
export function staffLoginCounters(email: string, ip: string | null, knownDevice = false): Counted[] {
  const address = addressKey(ip);
  const counters: Counted[] = [
    { key: `staff-login:account-ip:${email}:${address}`, limit: limits.staffLoginPerAccountAndIp },
    { key: `staff-login:ip:${address}`, limit: limits.staffLoginPerIp },
  ];
  if (!knownDevice)
    counters.push({ key: `staff-login:account:${email}`, limit: limits.staffLoginPerAccount });
  return counters;
}
