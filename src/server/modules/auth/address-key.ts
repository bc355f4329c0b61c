/**
 * The key a per-address counter uses for a client address. An IPv4 address counts as itself; an IPv6
 * address counts by its /64 prefix, since one subscriber (one home, one server) is usually handed a
 * whole /64 and could otherwise rotate through countless addresses; an IPv4-mapped IPv6 address
 * (`::ffff:a.b.c.d`) counts as its IPv4. No address counts as `unknown`; text that is not an address is
 * kept as it is (lower-cased), so it still has a counter of its own.
 * @public
 */
export function addressKey(ip: string | null | undefined): string {
  if (!ip) return 'unknown';
  const text = ip.trim().toLowerCase();
  if (isIpv4(text)) return text;
  const groups = ipv6Groups(text);
  if (!groups) return text;
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (mapped) {
    const [high = 0, low = 0] = groups.slice(6);
    return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

function isIpv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

/** The eight 16-bit groups of an IPv6 address (zone index dropped), or null if it is not one. */
function ipv6Groups(text: string): number[] | null {
  const address = text.split('%')[0] ?? '';
  if (!address.includes(':')) return null;
  let head = address;
  const tail: number[] = [];
  const lastColon = address.lastIndexOf(':');
  const last = address.slice(lastColon + 1);
  if (last.includes('.')) {
    if (!isIpv4(last)) return null;
    const [a = 0, b = 0, c = 0, d = 0] = last.split('.').map(Number);
    tail.push((a << 8) | b, (c << 8) | d);
    head = address.slice(0, lastColon + 1);
    if (head.endsWith(':') && !head.endsWith('::')) head = head.slice(0, -1);
  }
  const halves = head.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string | undefined): number[] | null => {
    if (!part) return [];
    const out: number[] = [];
    for (const group of part.split(':')) {
      if (!/^[0-9a-f]{1,4}$/.test(group)) return null;
      out.push(Number.parseInt(group, 16));
    }
    return out;
  };
  const before = parse(halves[0]);
  const after = parse(halves[1]);
  if (!before || !after) return null;
  const given = before.length + after.length + tail.length;
  if (halves.length === 2) {
    if (given > 7) return null;
    return [...before, ...new Array<number>(8 - given).fill(0), ...after, ...tail];
  }
  return given === 8 ? [...before, ...tail] : null;
}
