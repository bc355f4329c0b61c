import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';

// The library's default ("min") metadata checks a number's country, leading digits and length, which
// catches the typos people make. The "max" metadata would also reject unallocated blocks, including
// the ranges ARCEP reserves for fiction that the demo uses so that no real person is ever texted.

/** Countries Sourire's practices are in; their national formats are read with this default. */
export type PracticeCountry = 'FR' | 'CH';

/**
 * Reads a phone as a person types it ("06 12 34 56 78", "+41 79 123 45 67", "0041791234567") and
 * returns it in E.164 (`+33612345678`), or `null` when it is not a valid number.
 */
export function normalisePhone(raw: string, country: PracticeCountry): string | null {
  const cleaned = raw.trim().replace(/^00/, '+');
  const parsed = parsePhoneNumberFromString(cleaned, country as CountryCode);
  if (!parsed?.isValid()) return null;
  return parsed.number;
}

/** Shows a phone without revealing it: `+33 6 •• •• •• 78`. Used where a code was sent. */
export function maskPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return '••••';
  const international = parsed.formatInternational();
  const digits = international.replace(/\D/g, '').length;
  let seen = 0;
  const countryDigits = parsed.countryCallingCode.length;
  return international.replace(/\d/g, (digit) => {
    seen += 1;
    const keep = seen <= countryDigits + 1 || seen > digits - 2;
    return keep ? digit : '•';
  });
}

/** Formats an E.164 phone for display in the practice's national format. */
export function formatPhone(e164: string, country: PracticeCountry): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.country === country ? parsed.formatNational() : parsed.formatInternational();
}
