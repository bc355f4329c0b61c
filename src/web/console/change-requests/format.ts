import { displayPhone } from '../patients/format';

/** A person as the review lists show them: LAST NAME First name, like the waiting list. */
export function filedName(person: { lastName: string; firstName: string }): string {
  return `${person.lastName.toUpperCase()} ${person.firstName}`;
}

/**
 * A phone shown without revealing it, in the national way of writing it: +33639981001 → 06 •• •• •• 01.
 * Enough for the front desk to tell "the father's phone" from "the mother's" without exposing it.
 */
export function maskedPhone(e164: string): string {
  const shown = displayPhone(e164);
  const digits = shown.replace(/\D/g, '').length;
  // an international number keeps its country code readable too
  const head = shown.startsWith('+') ? 3 : 2;
  let seen = 0;
  return shown.replace(/\d/g, (digit) => {
    seen += 1;
    return seen <= head || seen > digits - 2 ? digit : '•';
  });
}

/** An instant in the practice's time zone, date and time. */
export function instantFormat(lang: 'fr' | 'en', timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fr-FR', {
    dateStyle: lang === 'en' ? 'medium' : 'short',
    timeStyle: 'short',
    timeZone,
  });
}
