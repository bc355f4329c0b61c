import { describe, expect, it } from 'vitest';
import { demoWanted } from './seed-demo';

describe('demoWanted', () => {
  it('seeds an empty database by default, outside production only', () => {
    expect(demoWanted({ env: 'development', demo: 'auto' }, true)).toBe(true);
    expect(demoWanted({ env: 'test', demo: 'auto' }, true)).toBe(true);
    expect(demoWanted({ env: 'production', demo: 'auto' }, true)).toBe(false);
    expect(demoWanted({ env: 'development', demo: 'auto' }, false)).toBe(false);
  });

  it('follows an explicit choice', () => {
    expect(demoWanted({ env: 'production', demo: 'always' }, false)).toBe(true);
    expect(demoWanted({ env: 'development', demo: 'never' }, true)).toBe(false);
  });
});
