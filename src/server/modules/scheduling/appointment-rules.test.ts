import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { slotGuarded } from './appointment-rules';

/** A driver error as drizzle wraps it: the SQLSTATE is on the cause. */
function driverError(code: string): Error {
  return new Error('Failed query: insert into "appointments" …', {
    cause: Object.assign(new Error(), { code }),
  });
}

async function outcome(code: string): Promise<string> {
  try {
    await slotGuarded(() => Promise.reject(driverError(code)));
    return 'resolved';
  } catch (error) {
    return error instanceof AppError ? error.code : 'raw driver error';
  }
}

describe('slotGuarded', () => {
  it('turns the exclusion violation and the overlap deadlock into SLOT_TAKEN, and nothing else', async () => {
    expect(await outcome('23P01')).toBe('SLOT_TAKEN');
    expect(await outcome('40P01')).toBe('SLOT_TAKEN');
    expect(await outcome('23505')).toBe('raw driver error');
    expect(await slotGuarded(() => Promise.resolve(7))).toBe(7);
  });
});
