import { describe, expect, it } from 'vitest';
import { formatPhone, maskPhone, normalisePhone } from './phone';

describe('normalisePhone', () => {
  it.each([
    ['06 12 34 56 78', '+33612345678'],
    ['06.12.34.56.78', '+33612345678'],
    ['0612345678', '+33612345678'],
    ['+33 6 12 34 56 78', '+33612345678'],
    ['+33 (0)6 12 34 56 78', '+33612345678'],
    ['0033612345678', '+33612345678'],
    ['  06-12-34-56-78 ', '+33612345678'],
  ])('reads the French number %s', (typed, e164) => {
    expect(normalisePhone(typed, 'FR')).toBe(e164);
  });

  it('reads Swiss national numbers with the Swiss default', () => {
    expect(normalisePhone('079 123 45 67', 'CH')).toBe('+41791234567');
    expect(normalisePhone('+41 79 123 45 67', 'FR')).toBe('+41791234567');
  });

  it('reads a national number in the practice’s country, not another', () => {
    expect(normalisePhone('079 123 45 67', 'FR')).toBe('+33791234567');
  });

  it.each(['06', '0612', '06123456789', 'abc', '', '+33'])('refuses %j', (typed) => {
    expect(normalisePhone(typed, 'FR')).toBeNull();
  });
});

describe('maskPhone', () => {
  it('keeps the country, the first digit and the last two', () => {
    expect(maskPhone('+33612345678')).toBe('+33 6 •• •• •• 78');
  });
});

describe('formatPhone', () => {
  it('formats national numbers nationally and foreign ones internationally', () => {
    expect(formatPhone('+33612345678', 'FR')).toBe('06 12 34 56 78');
    expect(formatPhone('+41791234567', 'FR')).toBe('+41 79 123 45 67');
  });
});
