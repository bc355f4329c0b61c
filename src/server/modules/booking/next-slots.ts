import { mergeAnyPractitioner } from '../../../domain/scheduling/slots';
import type { Ctx } from '../../context';
import type { Practice } from '../practice/find-practice';
import { type MotifRow, onlinePractitioners, onlineSlots, type SlotLength } from './online-availability';

const dayMs = 86_400_000;

/** The next few online slots of a motif from a time, with the same practitioner first, then anyone. */
export async function nextOnlineSlots(
  ctx: Ctx,
  practice: Practice,
  motif: MotifRow,
  practitionerId: string,
  after: Date,
  length: SlotLength,
) {
  const offering = (await onlinePractitioners(ctx.db, practice.id))
    .filter((entry) => entry.everyMotif || entry.motifIds.includes(motif.id))
    .map((entry) => entry.member.id);
  const now = ctx.deps.clock.now();
  for (const ids of [[practitionerId].filter((id) => offering.includes(id)), offering]) {
    if (ids.length === 0) continue;
    const slots = mergeAnyPractitioner(
      await onlineSlots(ctx.db, practice, motif, ids, {
        from: after,
        to: new Date(after.getTime() + 21 * dayMs),
        now,
        length,
      }),
    );
    if (slots.length > 0) {
      return slots.slice(0, 6).map((slot) => ({
        start: new Date(slot.start).toISOString(),
        end: new Date(slot.end).toISOString(),
        options: slot.options,
      }));
    }
  }
  return [];
}
