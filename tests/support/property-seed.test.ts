import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROPERTY_SEED, propertySeed } from './property-seed';

describe('property seed', () => {
  it('is fixed unless FC_SEED says otherwise', () => {
    expect(propertySeed(undefined)).toBe(DEFAULT_PROPERTY_SEED);
    expect(propertySeed('')).toBe(DEFAULT_PROPERTY_SEED);
    expect(propertySeed('42')).toBe(42);
    expect(propertySeed('random')).toBeNull();
    expect(() => propertySeed('4.2')).toThrow(/FC_SEED/);
    expect(() => propertySeed('abc')).toThrow(/FC_SEED/);
  });

  it('is applied to every property of the run', () => {
    const expected = propertySeed(process.env.FC_SEED);
    expect(fc.readConfigureGlobal().seed).toBe(expected ?? undefined);
    // two runs with the global seed draw the same values
    const draw = () => fc.sample(fc.integer(), 5);
    if (expected !== null) expect(draw()).toEqual(draw());
  });
});
