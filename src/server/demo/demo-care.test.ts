import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AgeBand, ageBand, ageOn, careFits, careWeights, drawCare } from './demo-care';
import { demoPatients } from './demo-data';
import { demoMotifs, demoRanges } from './demo-schedule';

const runs = Number(process.env.PROPERTY_RUNS ?? 300);
const bands: AgeBand[] = ['child', 'teen', 'adult', 'senior'];
const keys = demoMotifs.map((motif) => motif.key);

describe('the demo’s care per age', () => {
  it('counts full years, a birthday included', () => {
    expect(ageOn('2015-09-18', '2026-09-17')).toBe(10);
    expect(ageOn('2015-09-18', '2026-09-18')).toBe(11);
    expect(ageOn('2012-02-29', '2013-02-28')).toBe(0);
    expect(ageOn('2012-02-29', '2013-03-01')).toBe(1);
    expect([11, 12, 17, 18, 64, 65].map(ageBand)).toEqual([
      'child',
      'teen',
      'teen',
      'adult',
      'adult',
      'senior',
    ]);
  });

  it('never gives an implant, a crown or a prosthesis to a child, nor orthodontic care to an older adult', () => {
    for (const motif of ['implant', 'couronne', 'prothese']) {
      expect(careFits('child', motif)).toBe(false);
      expect(careFits('teen', motif)).toBe(false);
    }
    expect(careFits('senior', 'ortho')).toBe(false);
    expect(careFits('child', 'scellement')).toBe(true);
    expect(careFits('senior', 'implant')).toBe(true);
  });

  it('names only motifs the demo has', () => {
    for (const band of bands) {
      for (const motif of Object.keys(careWeights[band])) expect(keys).toContain(motif);
    }
  });

  it('draws, for any roll and any offer, a motif offered and fitting the band, or none', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...bands),
        fc.subarray(keys),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (band, offered, roll) => {
          const drawn = drawCare(band, offered, roll);
          const possible = offered.some((motif) => careFits(band, motif));
          if (!possible) {
            expect(drawn).toBeNull();
          } else {
            expect(offered).toContain(drawn);
            expect(careFits(band, drawn ?? '')).toBe(true);
          }
        },
      ),
      { numRuns: runs },
    );
  });

  it('has something to give every demo patient at their practitioner’s, at any age they reach in the demo', () => {
    for (const patient of demoPatients) {
      const offered = demoRanges
        .filter((range) => range.practitioner === patient.practitioner)
        .flatMap((range) => range.motifs);
      for (const day of ['2026-01-01', '2028-12-31']) {
        const band = ageBand(ageOn(patient.birthDate, day));
        expect(drawCare(band, offered, 0.5), `${patient.key} in ${day}`).not.toBeNull();
      }
    }
  });
});
