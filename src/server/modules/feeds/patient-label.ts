import type { FeedPatientDetail } from '../../../contracts/feeds';

/** The first letter of a word, capitalised, with its dot (“léa” → “L.”); '' when it has no letter. */
function initial(word: string): string {
  const letter = /\p{L}/u.exec(word)?.[0];
  return letter ? `${letter.toLocaleUpperCase('fr-FR')}.` : '';
}

/** “Jean-Pierre” → “J.-P.”, “Marie Anne” → “M. A.”: the initial of each part of a first name. */
function firstNameInitials(name: string): string {
  return name
    .split(/\s+/)
    .map((word) => word.split('-').map(initial).filter(Boolean).join('-'))
    .filter(Boolean)
    .join(' ');
}

/**
 * The patient as a calendar feed or an export may show them, no more than the practice allows: “L. D.”
 * (initials, the default), “Léa Durand” (full), or nothing. Only names ever come in: a feed has no way
 * to show a phone, an email or a birth date.
 */
export function patientLabel(
  patient: { firstName: string; lastName: string },
  detail: FeedPatientDetail,
): string {
  if (detail === 'none') return '';
  if (detail === 'full') return `${patient.firstName.trim()} ${patient.lastName.trim()}`.trim();
  // the last name's first letter only: “de La Fontaine” → “D.”
  return [firstNameInitials(patient.firstName), initial(patient.lastName)].filter(Boolean).join(' ');
}
