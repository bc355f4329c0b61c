import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

/** RFC 6238 defaults, which every authenticator app reads: SHA-1, 6 digits, 30-second steps. */
const period = 30;
/** A code of the previous or next step is still accepted (clocks drift, people type slowly). */
const window = 1;

function totpFor(secretBase32: string, label = 'staff'): TOTP {
  return new TOTP({
    issuer: 'Sourire',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** A new random secret (160 bits, as RFC 4226 recommends), base32 as authenticator apps want it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://` URI an authenticator app reads from the QR code. */
export function totpUri(secretBase32: string, label: string): string {
  return totpFor(secretBase32, label).toString();
}

/**
 * The time step of `code` when it is right at `now` (within one step either side), else null. The
 * caller stores the step and refuses any step not above the last one used, so a code cannot be replayed.
 */
export function totpStepOf(secretBase32: string, code: string, now: Date): number | null {
  const timestamp = now.getTime();
  const delta = totpFor(secretBase32).validate({ token: code, timestamp, window });
  if (delta === null) return null;
  return TOTP.counter({ period, timestamp }) + delta;
}

/*
 * The secret is stored encrypted (AES-256-GCM) under a key derived from the files key, so a copy of the
 * database alone does not give the second factor away.
 */
function secretKey(filesKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', filesKey, Buffer.alloc(0), 'sourire:staff-totp-secret', 32));
}

export function sealTotpSecret(secretBase32: string, filesKey: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', secretKey(filesKey), iv);
  const sealed = Buffer.concat([cipher.update(secretBase32, 'utf8'), cipher.final()]);
  return [
    'v1',
    iv.toString('base64url'),
    sealed.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
  ].join('.');
}

export function openTotpSecret(stored: string, filesKey: Buffer): string {
  const [version, iv, sealed, tag] = stored.split('.');
  if (version !== 'v1' || !iv || !sealed || !tag) throw new Error('unreadable TOTP secret');
  const decipher = createDecipheriv('aes-256-gcm', secretKey(filesKey), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString(
    'utf8',
  );
}
