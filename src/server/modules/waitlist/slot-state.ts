import { and, eq, isNull } from 'drizzle-orm';
import { occurrencesInWindow } from '../../../domain/scheduling/occurrences';
import type { Ctx } from '../../context';
import { locations, staff } from '../../db/schema';
import type { Practice } from '../practice/find-practice';
import { loadAgendas } from '../scheduling/load-agendas';

/** `booked`: a live appointment overlaps; `unavailable`: an absence, or the practitioner or site is gone. */
export type SlotState = 'free' | 'booked' | 'unavailable';

export interface OfferedSlot {
  practitionerId: string;
  locationId: string;
  start: Date;
  end: Date;
}

/**
 * Whether a freed time can still be given to a waiting patient. The appointment that was there was
 * booked by the practice, so opening ranges are not asked again; what may have changed since is: a
 * new appointment, an absence entered after the cancellations (a dentist off sick), a practitioner
 * removed or a site closed. The exclusion constraint remains the last word on overlaps.
 */
export async function slotState(ctx: Ctx, practice: Practice, slot: OfferedSlot): Promise<SlotState> {
  const [practitioner] = await ctx.db
    .select({ id: staff.id })
    .from(staff)
    .where(
      and(eq(staff.id, slot.practitionerId), eq(staff.practiceId, practice.id), isNull(staff.removedAt)),
    );
  const [location] = await ctx.db
    .select({ id: locations.id })
    .from(locations)
    .where(
      and(
        eq(locations.id, slot.locationId),
        eq(locations.practiceId, practice.id),
        isNull(locations.archivedAt),
      ),
    );
  if (!practitioner || !location) return 'unavailable';
  const [agenda] = await loadAgendas(ctx.db, practice.id, [slot.practitionerId], slot.start, slot.end);
  if (!agenda) return 'unavailable';
  const from = slot.start.getTime();
  const to = slot.end.getTime();
  const overlaps = (interval: { start: number; end: number }) => interval.start < to && interval.end > from;
  if (agenda.appointments.some(overlaps)) return 'booked';
  if (agenda.absences.some(overlaps)) return 'unavailable';
  if (occurrencesInWindow(agenda.recurringAbsences, practice.timeZone, from, to).length > 0)
    return 'unavailable';
  return 'free';
}
