/** What sets an appointment's length: the motif's durations (SET-4). */
export interface MotifDurations {
  durationMinutes: number;
  /** a first visit's own length, when it differs; null = the usual duration */
  firstVisitDurationMinutes: number | null;
}

/**
 * How long an appointment of a motif lasts (SET-4): a first visit (a patient without a file at the
 * practice, or one the desk marks as such) takes the motif's first-visit duration when it has one. The
 * one rule for staff bookings and moves, online slots, online bookings and the console dialog.
 */
export function appointmentMinutes(motif: MotifDurations, firstVisit: boolean): number {
  return firstVisit && motif.firstVisitDurationMinutes
    ? motif.firstVisitDurationMinutes
    : motif.durationMinutes;
}
