import type { Practitioner } from '../../../../contracts/settings';

/** A practitioner as the API lists them, with whether the caller may see their agenda. */
export type PractitionerItem = Practitioner & { visible: boolean };

/** "Dr Sophie Bernard" */
export function personName(person: { title: string | null; firstName: string; lastName: string }): string {
  return [person.title, person.firstName, person.lastName].filter(Boolean).join(' ');
}
