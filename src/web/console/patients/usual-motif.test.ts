import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PastVisit, usualMotif } from './usual-motif';

const visit = (motifId: string, startsAt: string, status = 'seen'): PastVisit => ({
  motifId,
  startsAt,
  status,
});

describe('usualMotif', () => {
  it('is the most frequent motif the patient came for', () => {
    expect(
      usualMotif([
        visit('control', '2025-01-10T09:00:00Z'),
        visit('scaling', '2025-06-10T09:00:00Z'),
        visit('control', '2026-01-10T09:00:00Z'),
      ]),
    ).toBe('control');
  });

  it('takes the most recent on a tie', () => {
    expect(usualMotif([visit('a', '2025-01-10T09:00:00Z'), visit('b', '2026-03-01T09:00:00Z')])).toBe('b');
    expect(usualMotif([visit('b', '2025-01-10T09:00:00Z'), visit('a', '2026-03-01T09:00:00Z')])).toBe('a');
  });

  it('ignores cancelled appointments and no-shows, and has nothing to say without visits', () => {
    expect(usualMotif([])).toBeUndefined();
    expect(
      usualMotif([
        visit('a', '2025-01-10T09:00:00Z', 'cancelled'),
        visit('a', '2025-02-10T09:00:00Z', 'not_excused'),
      ]),
    ).toBeUndefined();
    expect(
      usualMotif([
        visit('emergency', '2025-01-10T09:00:00Z', 'cancelled'),
        visit('emergency', '2025-02-10T09:00:00Z', 'cancelled'),
        visit('control', '2025-03-10T09:00:00Z', 'unknown'),
      ]),
    ).toBe('control');
  });

  it('always names a kept motif at least as frequent as any other, whatever the order', () => {
    const motif = fc.constantFrom('a', 'b', 'c', 'd');
    const status = fc.constantFrom('seen', 'unknown', 'cancelled', 'not_excused', 'excused');
    const when = fc
      .integer({ min: 0, max: 1_000_000 })
      .map((n) => new Date(1.7e12 + n * 60_000).toISOString());
    fc.assert(
      fc.property(
        fc.array(fc.record({ motifId: motif, startsAt: when, status }), { maxLength: 30 }),
        (visits) => {
          const kept = visits.filter((v) => v.status !== 'cancelled' && v.status !== 'not_excused');
          const found = usualMotif(visits);
          if (kept.length === 0) return found === undefined;
          const count = (id: string | undefined) => kept.filter((v) => v.motifId === id).length;
          const others = new Set(kept.map((v) => v.motifId));
          return found !== undefined && [...others].every((id) => count(found) >= count(id));
        },
      ),
    );
  });
});
