import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { newTotpSecret, openTotpSecret, sealTotpSecret, totpStepOf, totpUri } from './totp';

const secret = newTotpSecret();
const codeAt = (at: Date) =>
  TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: at.getTime(), period: 30, digits: 6 });
// the middle of a 30-second step, so ±15 s stays in it
const now = new Date(Math.floor(Date.parse('2026-12-02T10:00:00Z') / 30_000) * 30_000 + 15_000);
const step = Math.floor(now.getTime() / 30_000);

describe('TOTP verification window', () => {
  it('accepts the current code and gives its time step', () => {
    expect(totpStepOf(secret, codeAt(now), now)).toBe(step);
  });

  it('accepts the previous and the next step (clock drift), each with its own step', () => {
    expect(totpStepOf(secret, codeAt(new Date(now.getTime() - 30_000)), now)).toBe(step - 1);
    expect(totpStepOf(secret, codeAt(new Date(now.getTime() + 30_000)), now)).toBe(step + 1);
  });

  it('refuses a code two steps old or ahead', () => {
    expect(totpStepOf(secret, codeAt(new Date(now.getTime() - 60_000)), now)).toBeNull();
    expect(totpStepOf(secret, codeAt(new Date(now.getTime() + 60_000)), now)).toBeNull();
  });

  it('refuses a wrong code and the code of another secret', () => {
    const right = codeAt(now);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    expect(totpStepOf(secret, wrong, now)).toBeNull();
    const other = TOTP.generate({ secret: Secret.fromBase32(newTotpSecret()), timestamp: now.getTime() });
    expect(other === right || totpStepOf(secret, other, now) === null).toBe(true);
  });

  it('writes an otpauth URI authenticator apps read (issuer, label, 30 s, 6 digits)', () => {
    const uri = totpUri(secret, 'ana@cabinet.example');
    expect(uri).toMatch(/^otpauth:\/\/totp\/Sourire:ana%40cabinet\.example\?/);
    expect(uri).toContain(`secret=${secret}`);
    expect(uri).toContain('period=30');
    expect(uri).toContain('digits=6');
  });
});

describe('TOTP secret at rest', () => {
  it('seals and opens with the same key, never stores the secret in clear', () => {
    const key = randomBytes(32);
    const sealed = sealTotpSecret(secret, key);
    expect(sealed).not.toContain(secret);
    expect(openTotpSecret(sealed, key)).toBe(secret);
  });

  it('refuses another key or a tampered value', () => {
    const sealed = sealTotpSecret(secret, randomBytes(32));
    expect(() => openTotpSecret(sealed, randomBytes(32))).toThrow();
    expect(() => openTotpSecret(`${sealed.slice(0, -3)}AAA`, randomBytes(32))).toThrow();
  });
});
