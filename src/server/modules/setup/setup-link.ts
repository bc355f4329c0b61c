import { randomBytes } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hashToken, sameHash } from '../auth/tokens';

/** How long the first-administrator link works. A new start of the server prints a new one. */
export const setupLinkLifetimeMs = 24 * 3_600_000;

const fileName = 'first-admin-link.json';

interface StoredLink {
  tokenHash: string;
  expiresAt: string;
}

/**
 * The one-time link that creates the first administrator of a fresh install. Only the token's SHA-256
 * and its expiry are kept, in a file of the data directory (mode 0600): no table is needed for a link
 * that exists only before the first practice does, and the server that prints it is the one that reads
 * it. Each call replaces the previous link.
 * @public
 */
export async function issueSetupLink(
  dataDir: string,
  publicUrl: string,
  now: Date,
): Promise<{ url: string; token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + setupLinkLifetimeMs);
  const stored: StoredLink = { tokenHash: hashToken(token), expiresAt: expiresAt.toISOString() };
  await writeFile(join(dataDir, fileName), `${JSON.stringify(stored)}\n`, { mode: 0o600 });
  return { url: `${publicUrl}/console/setup#${token}`, token, expiresAt };
}

/** The link's expiry when `token` is the live one, else null (unknown, replaced, expired or used). */
export async function checkSetupLink(dataDir: string, token: string, now: Date): Promise<Date | null> {
  let stored: StoredLink;
  try {
    stored = JSON.parse(await readFile(join(dataDir, fileName), 'utf8')) as StoredLink;
  } catch {
    return null;
  }
  if (typeof stored.tokenHash !== 'string' || typeof stored.expiresAt !== 'string') return null;
  if (!sameHash(stored.tokenHash, hashToken(token))) return null;
  const expiresAt = new Date(stored.expiresAt);
  return expiresAt.getTime() > now.getTime() ? expiresAt : null;
}

/**
 * Forgets the link (used, or the setup was done another way).
 * @public
 */
export async function forgetSetupLink(dataDir: string): Promise<void> {
  await rm(join(dataDir, fileName), { force: true });
}
