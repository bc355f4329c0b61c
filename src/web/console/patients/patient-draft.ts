import type { z } from 'zod';
import type { PatientDetail, patientBody, relatedPatientSchema } from '../../../contracts/patients';
import { parseFrenchDate } from '../../shared/dates';
import { typedDate } from './format';

export type RelatedPatient = z.infer<typeof relatedPatientSchema>;
export type RelationRole = RelatedPatient['role'];
export type Responsable = Omit<RelatedPatient, 'role'>;
/** The request body; `birthDate` is left out when empty so the server says it is required. */
export type PatientBody = Omit<z.input<typeof patientBody>, 'birthDate'> & { birthDate?: string };
export type NotificationChannel = PatientDetail['notificationChannel'];

export const relationRoles: RelationRole[] = ['parent1', 'parent2', 'guarantor'];

/** The form's state: every text as typed, so nothing is lost when the server refuses it. */
export interface PatientDraft {
  lastName: string;
  firstName: string;
  /** as typed, DD/MM/YYYY */
  birthDate: string;
  mobilePhone: string;
  email: string;
  addressLine: string;
  postalCode: string;
  city: string;
  /** '' for none */
  ownPractitionerId: string;
  referentIds: string[];
  notes: string;
  notificationChannel: NotificationChannel;
  appOptOut: boolean;
  responsables: Record<RelationRole, Responsable | null>;
}

/** A starting point for the form: a file being edited, or what is known of a new patient. */
export type PatientInitial = Partial<PatientDetail>;

export function draftFrom(initial: PatientInitial = {}): PatientDraft {
  const responsableAs = (role: RelationRole): Responsable | null => {
    const found = initial.responsables?.find((responsable) => responsable.role === role);
    if (!found) return null;
    const { role: _role, ...person } = found;
    return person;
  };
  return {
    lastName: initial.lastName ?? '',
    firstName: initial.firstName ?? '',
    birthDate: initial.birthDate ? typedDate(initial.birthDate) : '',
    mobilePhone: initial.mobilePhone ?? '',
    email: initial.email ?? '',
    addressLine: initial.addressLine ?? '',
    postalCode: initial.postalCode ?? '',
    city: initial.city ?? '',
    ownPractitionerId: initial.ownPractitionerId ?? '',
    referentIds: initial.referentIds ?? [],
    notes: initial.notes ?? '',
    notificationChannel: initial.notificationChannel ?? 'both',
    appOptOut: initial.appOptOut ?? false,
    responsables: {
      parent1: responsableAs('parent1'),
      parent2: responsableAs('parent2'),
      guarantor: responsableAs('guarantor'),
    },
  };
}

/** A dependant is reached through a responsable: then mobile, email and address are optional. */
export function hasResponsable(draft: PatientDraft): boolean {
  return relationRoles.some((role) => draft.responsables[role] !== null);
}

const orNull = (value: string) => (value.trim() ? value.trim() : null);

/**
 * The request body. A birth date that does not read as DD/MM/YYYY is sent as typed, so the server's
 * message ("Date invalide (JJ/MM/AAAA)") appears under the field; an empty one is left out ("obligatoire").
 */
export function bodyOf(draft: PatientDraft, confirmDuplicate: boolean): PatientBody {
  const typedBirthDate = draft.birthDate.trim();
  return {
    lastName: draft.lastName,
    firstName: draft.firstName,
    ...(typedBirthDate ? { birthDate: parseFrenchDate(typedBirthDate) ?? typedBirthDate } : {}),
    mobilePhone: orNull(draft.mobilePhone),
    email: orNull(draft.email),
    addressLine: orNull(draft.addressLine),
    postalCode: orNull(draft.postalCode),
    city: orNull(draft.city),
    ownPractitionerId: draft.ownPractitionerId || null,
    referentIds: draft.referentIds,
    notes: orNull(draft.notes),
    notificationChannel: draft.notificationChannel,
    appOptOut: draft.appOptOut,
    responsables: {
      parent1Id: draft.responsables.parent1?.id ?? null,
      parent2Id: draft.responsables.parent2?.id ?? null,
      guarantorId: draft.responsables.guarantor?.id ?? null,
    },
    ...(confirmDuplicate ? { confirmDuplicate: true } : {}),
  };
}

/**
 * What a search already says about a person not found: a birth date, a phone, or a name typed
 * "NOM Prénom" the way the front desk searches.
 */
export function initialFromQuery(query: string): PatientInitial {
  const q = query.trim();
  if (!q) return {};
  const birthDate = parseFrenchDate(q);
  if (birthDate) return { birthDate };
  if (/^[+\d\s().\-/]+$/.test(q)) return { mobilePhone: q };
  if (q.includes('@')) return { email: q };
  const [lastName = '', ...firstNames] = q.split(/\s+/).map(capitalise);
  return { lastName, firstName: firstNames.join(' ') };
}

/** "dupont" → "Dupont"; a name typed with capitals is left as it is. */
function capitalise(word: string): string {
  return word === word.toLowerCase() ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}
