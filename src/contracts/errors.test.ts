import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type AppErrorCode, errorBodySchemaFor, errorCatalog, errorCodes, errorStatus } from './errors';

/**
 * Codes kept in the contract although no server code answers them yet, each with why. Empty today; a
 * code lands here only on purpose (a client already handles it, a release will throw it), never to
 * silence the test below.
 */
const reserved: Partial<Record<AppErrorCode, string>> = {};

/** The helpers of `AppError` that throw a code without naming it as a literal. */
const helpers: Partial<Record<AppErrorCode, RegExp>> = {
  VALIDATION_FAILED: /AppError\.(validation|field)\(/,
  NOT_FOUND: /AppError\.notFound\(/,
  FORBIDDEN: /AppError\.forbidden\(/,
  BOOKING_NOT_ALLOWED: /AppError\.refused\(/,
  TOO_MANY_ATTEMPTS: /AppError\.tooManyAttempts\(/,
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : [];
  });
}

// the server's code, without the file that defines the helpers (a helper nobody calls is no use)
const serverCode = sources(join(import.meta.dirname, '../server'))
  .filter((path) => !path.endsWith(join('server', 'errors.ts')))
  .map((path) => readFileSync(path, 'utf8'))
  .join('\n');

function isUsed(code: AppErrorCode): boolean {
  return serverCode.includes(`'${code}'`) || (helpers[code]?.test(serverCode) ?? false);
}

describe('error codes', () => {
  // that every code the server throws is in the enum is the compiler's job: AppError takes AppErrorCode
  it('are each answered somewhere in the server, or deliberately reserved', () => {
    const dead = errorCodes.filter((code) => !isUsed(code) && !(code in reserved));
    expect(dead, 'codes no server code answers: remove them, or reserve them with a reason').toEqual([]);
  });

  it('keep no reservation for a code the server now answers', () => {
    const stale = (Object.keys(reserved) as AppErrorCode[]).filter(isUsed);
    expect(stale, 'reserved codes now in use: drop them from `reserved`').toEqual([]);
  });

  it('each map to one status, and each status lists its codes in the error schema', () => {
    for (const code of errorCodes) expect(errorStatus[code]).toBe(errorCatalog[code].status);
    const statuses = [...new Set(Object.values(errorStatus))];
    for (const status of statuses) {
      const schema = errorBodySchemaFor(status);
      const codes = errorCodes.filter((code) => errorStatus[code] === status);
      expect(schema.description).toBe(`Error: ${codes.join(', ')}`);
    }
    expect(() => errorBodySchemaFor(418)).toThrow(/418/);
  });

  it('check details against the code: required, typed, and stripped where a code has none', () => {
    const conflict = errorBodySchemaFor(409);
    expect(
      conflict.safeParse({ code: 'CONFLICT', message: 'm', details: { reason: 'last_admin' } }).success,
    ).toBe(true);
    expect(conflict.safeParse({ code: 'CONFLICT', message: 'm', details: { reason: 'nope' } }).success).toBe(
      false,
    );
    expect(conflict.safeParse({ code: 'CONFIRMATION_REQUIRED', message: 'm' }).success).toBe(false);
    expect(conflict.safeParse({ code: 'NOT_FOUND', message: 'm' }).success).toBe(false);
    const refused = errorBodySchemaFor(403);
    expect(refused.safeParse({ code: 'BOOKING_NOT_ALLOWED', message: 'm' }).success).toBe(false);
    expect(refused.safeParse({ code: 'BOOKING_NOT_ALLOWED', message: 'm', reason: 'too_soon' }).success).toBe(
      true,
    );
    const plain = errorBodySchemaFor(404).parse({ code: 'NOT_FOUND', message: 'm', details: { leak: 1 } });
    expect(plain).toEqual({ code: 'NOT_FOUND', message: 'm' });
  });
});
