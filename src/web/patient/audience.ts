import type { FamilyMember, PatientMe } from '../../contracts/patient-auth';
// the same rule as the documents' sharing (DOC-2): one turns 18 on the 18th birthday
import { isMinor } from '../../domain/documents/sharing';

/**
 * Whom the app's words are for (issue 9 §3.15): an adult who sees dependants' files ("your family"), a
 * minor — who may have signed in with a parent's phone and sees the parent's files too, but is never told
 * about "your children" — or a person alone on the phone.
 */
export type Audience = 'family' | 'minor' | 'alone';

/** Today on this phone, YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The person who signed in (their identity was checked with the SMS code). */
export function signedInPerson(me: PatientMe): FamilyMember | undefined {
  return me.family.find((member) => member.isSelf) ?? me.family[0];
}

export function audienceOf(me: PatientMe, today = localToday()): Audience {
  const self = signedInPerson(me);
  if (self && isMinor(self.birthDate, today)) return 'minor';
  return me.family.length > 1 ? 'family' : 'alone';
}

/**
 * Another member of the family than the person signed in: the one an action is done for, to be named in
 * its confirmation (§3.16). Null when it is the signed-in person themself (or unknown).
 */
export function someoneElse(me: PatientMe, patientId: string): FamilyMember | null {
  const member = me.family.find((candidate) => candidate.id === patientId);
  return member && !member.isSelf ? member : null;
}
