import { enc } from '../booking-api';

/** The slots' address of a motif with one practitioner, or anyone (`any`), without `from`. */
export function slotSource(slug: string, motifId: string, practitioner: string): string {
  const who = practitioner === 'any' ? '' : `&practitionerId=${enc(practitioner)}`;
  return `/api/public/practices/${enc(slug)}/slots?motifId=${enc(motifId)}${who}`;
}
