import type { Practitioner } from '../../../contracts/settings';

/** A person as lists show them: last name first, the way a front desk files and reads them. */
export function personName(person: { lastName: string; firstName: string }): string {
  return `${person.lastName} ${person.firstName}`;
}

export function practitionerName(
  practitioner: Pick<Practitioner, 'title' | 'firstName' | 'lastName'>,
): string {
  return [practitioner.title, practitioner.firstName, practitioner.lastName].filter(Boolean).join(' ');
}

/**
 * An E.164 phone in the national way of writing it: +33639981001 → 06 39 98 10 01, +41791234567 →
 * 079 123 45 67. Other countries stay international. Kept tiny so the phone library stays off the bundle.
 */
export function displayPhone(e164: string): string {
  const french = e164.match(/^\+33(\d)(\d{2})(\d{2})(\d{2})(\d{2})$/);
  if (french) return `0${french.slice(1).join(' ')}`;
  const swiss = e164.match(/^\+41(\d{2})(\d{3})(\d{2})(\d{2})$/);
  if (swiss) return `0${swiss.slice(1).join(' ')}`;
  return e164;
}

/** Full years between a birth date and today (both YYYY-MM-DD). */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** Today in the browser's calendar, YYYY-MM-DD (the console runs at the practice). */
export function todayIso(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** YYYY-MM-DD → DD/MM/YYYY, the way birth dates are typed in the forms whatever the language. */
export function typedDate(iso: string): string {
  const [year = '', month = '', day = ''] = iso.split('-');
  return `${day}/${month}/${year}`;
}
