import type { PublicMotif } from '../../../contracts/booking';
import { enc } from '../booking-api';

/**
 * The slots' address of a motif with one practitioner, or anyone (`any`), without `from`; a first visit
 * asks for slots as long as the motif's first-visit duration.
 */
export function slotSource(slug: string, motifId: string, practitioner: string, firstVisit = false): string {
  const who = practitioner === 'any' ? '' : `&practitionerId=${enc(practitioner)}`;
  const first = firstVisit ? '&firstVisit=true' : '';
  return `/api/public/practices/${enc(slug)}/slots?motifId=${enc(motifId)}${who}${first}`;
}

/**
 * Whether slots are sought for a first visit (SET-4): only a motif whose first visit lasts longer asks;
 * its patient restriction or a patient known from the app answers for them; otherwise the patient's
 * answer (`visite=premiere|suivi`), or null while it is still to be asked.
 */
export function firstVisitOf(
  motif: Pick<PublicMotif, 'firstVisitDurationMinutes' | 'patientRestriction'>,
  answer: string | null,
  knownFromApp: boolean,
): boolean | null {
  if (!motif.firstVisitDurationMinutes) return false;
  if (motif.patientRestriction === 'new_only') return true;
  if (motif.patientRestriction === 'existing_only' || knownFromApp) return false;
  if (answer === 'premiere') return true;
  if (answer === 'suivi') return false;
  return null;
}
