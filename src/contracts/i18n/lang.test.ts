import { describe, expect, it } from 'vitest';
import { interpolate, langFromHeader } from './lang';

describe('langFromHeader', () => {
  it.each([
    [undefined, 'fr'],
    ['en', 'en'],
    ['en-GB,en;q=0.9,fr;q=0.8', 'en'],
    ['de-CH,fr;q=0.8,en;q=0.5', 'fr'],
    ['de-DE', 'fr'],
    ['fr;q=0.2,en;q=0.9', 'en'],
  ])('%s → %s', (header, lang) => {
    expect(langFromHeader(header)).toBe(lang);
  });
});

describe('interpolate', () => {
  it('fills known placeholders and leaves unknown ones', () => {
    expect(interpolate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});
