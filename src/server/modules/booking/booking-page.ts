import type { BookingPage } from '../../../contracts/booking';
import type { Db } from '../../db/client';
import { findPracticeBySlug } from '../practice/find-practice';
import { getPublicPractice } from '../practice/public-practice';
import { onlineMotifs, onlinePractitioners } from './online-availability';

/**
 * The public booking page of a practice (BOOK-1): its details, the practitioners and the motifs open
 * online, with their instructions. Free slots come from another call; never any patient data.
 */
export async function getBookingPage(db: Db, slug: string): Promise<BookingPage> {
  const practice = await findPracticeBySlug(db, slug);
  const [details, motifs, practitioners] = await Promise.all([
    getPublicPractice(db, slug),
    onlineMotifs(db, practice.id),
    onlinePractitioners(db, practice.id),
  ]);
  const offering = (motifId: string) =>
    practitioners
      .filter((entry) => entry.everyMotif || entry.motifIds.includes(motifId))
      .map((entry) => entry.member.id);
  const listed = motifs
    .map((motif) => ({
      id: motif.id,
      name: motif.name,
      category: motif.category,
      durationMinutes: motif.durationMinutes,
      firstVisitDurationMinutes:
        motif.firstVisitDurationMinutes && motif.firstVisitDurationMinutes !== motif.durationMinutes
          ? motif.firstVisitDurationMinutes
          : null,
      kind: motif.kind,
      instructionsBefore: motif.instructionsBefore,
      instructionsAfter: motif.instructionsAfter,
      patientRestriction: motif.patientRestriction,
      followUpOnly: motif.followUpOnly,
      practitionerIds: offering(motif.id),
    }))
    .filter((motif) => motif.practitionerIds.length > 0);
  return {
    practice: details,
    bookingOpen: practice.onlineBookingOpen && listed.length > 0,
    motifs: practice.onlineBookingOpen ? listed : [],
    practitioners: practitioners
      .filter((entry) => listed.some((motif) => motif.practitionerIds.includes(entry.member.id)))
      .map(({ member }) => ({
        id: member.id,
        title: member.title,
        firstName: member.firstName,
        lastName: member.lastName,
        speciality: member.speciality,
      })),
  };
}
