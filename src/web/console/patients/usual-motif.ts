/** The fields of an appointment the usual motif is read from. */
export interface PastVisit {
  motifId: string;
  startsAt: string;
  status: string;
}

/**
 * The motif a patient usually comes for, to prefill a booking from their file (issue 9 §2.10): the
 * most frequent among the appointments they kept or will keep, the most recent first on a tie.
 * Cancelled appointments and no-shows say nothing of what the patient comes for; none → undefined.
 */
export function usualMotif(visits: readonly PastVisit[]): string | undefined {
  const tally = new Map<string, { count: number; latest: string }>();
  for (const visit of visits) {
    if (visit.status === 'cancelled' || visit.status === 'not_excused') continue;
    const seen = tally.get(visit.motifId);
    if (!seen) tally.set(visit.motifId, { count: 1, latest: visit.startsAt });
    else {
      seen.count += 1;
      if (visit.startsAt > seen.latest) seen.latest = visit.startsAt;
    }
  }
  let best: { motifId: string; count: number; latest: string } | undefined;
  for (const [motifId, { count, latest }] of tally) {
    if (!best || count > best.count || (count === best.count && latest > best.latest)) {
      best = { motifId, count, latest };
    }
  }
  return best?.motifId;
}
