import { describe, expect, it } from 'vitest';
import { filedName, maskedPhone } from './format';

describe('review requests formatting', () => {
  it('masks a phone but its first two and last two digits, in the national format', () => {
    expect(maskedPhone('+33639981001')).toBe('06 •• •• •• 01');
    expect(maskedPhone('+41791234567')).toBe('07• ••• •• 67');
    expect(maskedPhone('+4915112345678')).toBe('+491••••••••78');
  });
  it('files people by their last name in capitals', () => {
    expect(filedName({ lastName: 'Núñez', firstName: 'José' })).toBe('NÚÑEZ José');
  });
});
