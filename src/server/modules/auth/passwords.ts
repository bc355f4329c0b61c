import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with the library's defaults (OWASP: m=19 MiB, t=2, p=1).
 * @public
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

let dummyHash: Promise<string> | null = null;

/**
 * Verifies a password; with no stored hash it still spends the same time on a dummy hash, so response
 * time does not tell whether an account exists.
 * @public
 */
export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (!storedHash) {
    dummyHash ??= hash('not-a-real-password-at-all');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(storedHash, password).catch(() => false);
}
