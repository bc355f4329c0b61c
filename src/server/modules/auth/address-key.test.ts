import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressKey } from './address-key';

describe('addressKey', () => {
  it('keeps an IPv4 address as it is and names a missing one', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey(null)).toBe('unknown');
    expect(addressKey('')).toBe('unknown');
  });

  it('counts an IPv6 address by its /64, whatever its spelling', () => {
    expect(addressKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0DB8:0001:0002::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2::1%eth0')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('2001:db8:1:3::1')).not.toBe(addressKey('2001:db8:1:2::1'));
  });

  it('counts an IPv4-mapped IPv6 address as its IPv4', () => {
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::FFFF:cb00:7107')).toBe('203.0.113.7');
    expect(addressKey('0:0:0:0:0:ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('keeps text that is not an address (lower-cased) rather than merging it with another', () => {
    expect(addressKey('not-an-ip')).toBe('not-an-ip');
    expect(addressKey('1:2:3:4:5:6:7:8:9')).toBe('1:2:3:4:5:6:7:8:9');
    expect(addressKey('1::2::3')).toBe('1::2::3');
  });

  it('gives every address of one /64 the same key, in any spelling', () => {
    const group = fc.integer({ min: 0, max: 0xffff });
    fc.assert(
      fc.property(
        fc.array(group, { minLength: 8, maxLength: 8 }),
        fc.array(group, { minLength: 4, maxLength: 4 }),
        (a, host) => {
          const full = (gs: number[]) => gs.map((g) => g.toString(16).padStart(4, '0')).join(':');
          const other = [...a.slice(0, 4), ...host];
          const key = addressKey(full(a));
          expect(addressKey(full(other))).toBe(key);
          // The short form (zeros dropped) names the same /64.
          expect(
            addressKey(
              a
                .map((g) => g.toString(16))
                .join(':')
                .toUpperCase(),
            ),
          ).toBe(key);
          if (!(a.slice(0, 5).every((g) => g === 0) && a[5] === 0xffff))
            expect(key.endsWith('::/64')).toBe(true);
        },
      ),
    );
  });

  it('gives every IPv4 address, mapped or not, itself', () => {
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        expect(addressKey(ip)).toBe(ip);
        expect(addressKey(`::ffff:${ip}`)).toBe(ip);
      }),
    );
  });
});
