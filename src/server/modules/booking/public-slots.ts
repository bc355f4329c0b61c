import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { PublicSlotPage, publicSlotQuery } from '../../../contracts/booking';
import { mergeAnyPractitioner } from '../../../domain/scheduling/slots';
import type { AppDeps } from '../../context';
import { motifs } from '../../db/schema';
import { AppError } from '../../errors';
import { findPracticeBySlug } from '../practice/find-practice';
import { onlinePractitioners, onlineSlots, type SlotLength } from './online-availability';

const dayMs = 86_400_000;
const lookAheadWeeks = 26;

/**
 * The week-by-week slot picker of the booking page (BOOK-1): free slots of a motif for one practitioner
 * or "any", merged by start time, as long as a first visit or a follow-up lasts (SET-4). Asked without
 * a date, it opens on the first week with availability. `length` overrides the query's for a move.
 */
export async function findPublicSlots(
  deps: AppDeps,
  slug: string,
  query: z.infer<typeof publicSlotQuery>,
  length: SlotLength = { firstVisit: query.firstVisit === 'true' },
): Promise<PublicSlotPage> {
  const now = deps.clock.now();
  const practice = await findPracticeBySlug(deps.db, slug);
  const [motif] = await deps.db
    .select()
    .from(motifs)
    .where(
      and(
        eq(motifs.id, query.motifId),
        eq(motifs.practiceId, practice.id),
        isNull(motifs.archivedAt),
        eq(motifs.onlineBookable, true),
      ),
    );
  if (!motif) throw AppError.notFound();
  const offering = (await onlinePractitioners(deps.db, practice.id))
    .filter((entry) => entry.everyMotif || entry.motifIds.includes(motif.id))
    .map((entry) => entry.member.id);
  const practitionerIds = query.practitionerId
    ? offering.filter((id) => id === query.practitionerId)
    : offering;
  if (query.practitionerId && practitionerIds.length === 0) throw AppError.notFound();

  const search = async (from: Date, to: Date) =>
    mergeAnyPractitioner(
      await onlineSlots(deps.db, practice, motif, practitionerIds, { from, to, now, length }),
    );
  let from = new Date(Math.max(query.from ? Date.parse(query.from) : now.getTime(), now.getTime()));
  let slots = await search(from, new Date(from.getTime() + query.days * dayMs));
  if (slots.length === 0 && !query.from) {
    // open on the first week with availability, looking ahead week by week
    for (let week = 1; week <= lookAheadWeeks && slots.length === 0; week += 1) {
      from = new Date(now.getTime() + week * query.days * dayMs);
      slots = await search(from, new Date(from.getTime() + query.days * dayMs));
    }
  }
  const to = new Date(from.getTime() + query.days * dayMs);
  let nextFrom: string | null = to.toISOString();
  if (slots.length === 0) {
    nextFrom = null;
    for (let week = 1; week <= lookAheadWeeks; week += 1) {
      const start = new Date(to.getTime() + (week - 1) * query.days * dayMs);
      const [first] = await search(start, new Date(start.getTime() + query.days * dayMs));
      if (first) {
        nextFrom = start.toISOString();
        break;
      }
    }
  }
  const previous = new Date(from.getTime() - query.days * dayMs);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    slots: slots.map((slot) => ({
      start: new Date(slot.start).toISOString(),
      end: new Date(slot.end).toISOString(),
      options: slot.options,
    })),
    nextFrom,
    previousFrom:
      from.getTime() > now.getTime() + 1000
        ? new Date(Math.max(previous.getTime(), now.getTime())).toISOString()
        : null,
  };
}
