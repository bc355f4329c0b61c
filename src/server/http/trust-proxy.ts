import type { TrustProxy } from '../config';

/**
 * Fastify's `trustProxy` for a TRUST_PROXY setting. proxy-addr walks the addresses from the socket peer
 * (index 0) towards the left of `X-Forwarded-For` and stops at the first untrusted one, which becomes
 * `request.ip`.
 * - hops: the peer and the next `hops - 1` entries are proxies, so with 1 the right-most entry is the
 *   client. A function, since Fastify 5 ignores a bare number (it cannot check the peer); the peer is
 *   trusted unchecked, which is why the README asks for addresses when the server is reachable directly.
 * - proxies: only addresses in these ranges are skipped, from the peer on.
 */
export function trustProxyOption(
  trust: TrustProxy,
): false | string[] | ((address: string, hop: number) => boolean) {
  if (trust === false) return false;
  if ('hops' in trust) {
    const { hops } = trust;
    return hops === 0 ? false : (_address, hop) => hop < hops;
  }
  return trust.proxies;
}
