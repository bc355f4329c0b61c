import { randomInt } from 'node:crypto';
import { hashToken } from '../auth/tokens';

/** Letters and digits that cannot be mistaken for one another (no 0/o, 1/l/i). */
const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
export const recoveryCodeCount = 10;

/** Ten one-time recovery codes, `xxxxx-xxxxx` (about 49 bits each), shown once to the person. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: recoveryCodeCount }, () => {
    const chars = Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]);
    return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
  });
}

/** What a person typed, as stored: lower case, without spaces or dashes. */
export function normaliseRecoveryCode(typed: string): string {
  return typed.toLowerCase().replace(/[\s-]/g, '');
}

/** The stored form of a recovery code: SHA-256, bound to its owner. */
export function hashRecoveryCode(staffId: string, typed: string): string {
  return hashToken(`${staffId}:${normaliseRecoveryCode(typed)}`);
}

export function looksLikeRecoveryCode(typed: string): boolean {
  return /^[a-z2-9]{10}$/.test(normaliseRecoveryCode(typed));
}
