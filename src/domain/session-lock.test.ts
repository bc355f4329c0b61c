import { describe, expect, it } from 'vitest';
import { isSessionLocked } from './session-lock';

const at = (iso: string) => new Date(iso);

describe('isSessionLocked', () => {
  it('stays open within the delay', () => {
    expect(
      isSessionLocked(
        { lockedAt: null, lastActiveAt: at('2026-01-05T09:00:00Z') },
        900,
        at('2026-01-05T09:14:59Z'),
      ),
    ).toBe(false);
  });
  it('locks once the delay has passed', () => {
    expect(
      isSessionLocked(
        { lockedAt: null, lastActiveAt: at('2026-01-05T09:00:00Z') },
        900,
        at('2026-01-05T09:15:00Z'),
      ),
    ).toBe(true);
  });
  it('stays locked once locked, even if active', () => {
    expect(
      isSessionLocked(
        { lockedAt: at('2026-01-05T09:00:00Z'), lastActiveAt: at('2026-01-05T09:10:00Z') },
        900,
        at('2026-01-05T09:10:01Z'),
      ),
    ).toBe(true);
  });
});
