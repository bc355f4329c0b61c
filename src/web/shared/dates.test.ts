import { describe, expect, it } from 'vitest';
import { formatDateAsTyped, parseFrenchDate } from './dates';

describe('parseFrenchDate', () => {
  it.each([
    ['03/05/2012', '2012-05-03'],
    ['3/5/2012', '2012-05-03'],
    ['03.05.2012', '2012-05-03'],
    ['29/02/2024', '2024-02-29'],
  ])('%s → %s', (typed, iso) => expect(parseFrenchDate(typed)).toBe(iso));

  it.each(['31/02/2012', '2012-05-03', '03/05/12', '', '32/01/2000'])('refuses %j', (typed) => {
    expect(parseFrenchDate(typed)).toBeNull();
  });
});

describe('formatDateAsTyped', () => {
  it.each([
    ['0', '0'],
    ['030', '03/0'],
    ['0305', '03/05'],
    ['03052012', '03/05/2012'],
    ['03/05/20', '03/05/20'],
  ])('%s → %s', (typed, shown) => expect(formatDateAsTyped(typed)).toBe(shown));
});
