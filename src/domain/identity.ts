/**
 * Identity matching for the patient app (APP-1) and online booking: a person gives a phone, last
 * name, first name and date of birth; the practice knows the patients linked to that phone (their own
 * phone or a responsable's). Exactly one person must match; otherwise the caller is told to check what
 * they typed, with no hint of which field is wrong.
 */

const ligatures: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', ł: 'l', đ: 'd' };

/** Compares names without case, accents, ligatures, hyphens, apostrophes or extra spaces. */
export function normaliseName(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[œæßøłđ]/g, (char) => ligatures[char] ?? char)
    .replace(/[-‐‑–—'’`´.\s]+/g, ' ')
    .trim();
}

export interface IdentityCandidate {
  id: string;
  lastName: string;
  firstName: string;
  /** YYYY-MM-DD */
  birthDate: string;
}

export interface IdentityClaim {
  lastName: string;
  firstName: string;
  birthDate: string;
}

export type IdentityMatch = { kind: 'one'; patientId: string } | { kind: 'none' } | { kind: 'several' };

export function matchIdentity(candidates: readonly IdentityCandidate[], claim: IdentityClaim): IdentityMatch {
  const lastName = normaliseName(claim.lastName);
  const firstName = normaliseName(claim.firstName);
  const matches = new Set<string>();
  for (const candidate of candidates) {
    if (
      candidate.birthDate === claim.birthDate &&
      normaliseName(candidate.lastName) === lastName &&
      normaliseName(candidate.firstName) === firstName
    ) {
      matches.add(candidate.id);
    }
  }
  if (matches.size === 0) return { kind: 'none' };
  if (matches.size > 1) return { kind: 'several' };
  const [patientId] = [...matches] as [string];
  return { kind: 'one', patientId };
}
