import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { SlotPage, slotQuerySchema } from '../../../contracts/scheduling';
import { appointmentMinutes } from '../../../domain/scheduling/motif-duration';
import { findSlots, type SlotMotif, type SlotSearch, slotReach } from '../../../domain/scheduling/slots';
import type { Ctx } from '../../context';
import { motifs } from '../../db/schema';
import { AppError } from '../../errors';
import { findPracticeById } from '../practice/find-practice';
import { loadAgendas } from './load-agendas';
import { closedDays } from './practice-calendar';
import { parseIdList, resolvePractitioners } from './visibility';

const dayMs = 86_400_000;
/** How far "next availability" looks ahead, in 4-week steps. */
const lookAheadChunks = 13;

/**
 * "Find a slot" for staff (RDV-3): every free slot of a motif from a date over some days, for chosen
 * practitioners and locations. An empty page points to the next availability, so paging forward never
 * walks through empty weeks one by one. Staff are not bound by the online booking delays.
 */
export async function findStaffSlots(ctx: Ctx, query: z.infer<typeof slotQuerySchema>): Promise<SlotPage> {
  const [motif] = await ctx.db
    .select()
    .from(motifs)
    .where(
      and(eq(motifs.id, query.motifId), eq(motifs.practiceId, ctx.practiceId), isNull(motifs.archivedAt)),
    );
  if (!motif) throw AppError.notFound();
  const practice = await findPracticeById(ctx.db, ctx.practiceId);
  const practitionerIds = await resolvePractitioners(ctx, parseIdList(query.practitionerIds));
  const locationIds = parseIdList(query.locationIds);
  const from = new Date(Math.max(Date.parse(query.from), ctx.now.getTime()));
  const to = new Date(from.getTime() + query.days * dayMs);

  const slotMotif: SlotMotif = {
    id: motif.id,
    durationMinutes: appointmentMinutes(motif, query.firstVisit === 'true'),
    bufferBeforeMinutes: motif.bufferBeforeMinutes,
    bufferAfterMinutes: motif.bufferAfterMinutes,
  };
  const search = async (windowFrom: Date, windowTo: Date) => {
    const reach = slotReach(windowFrom.getTime(), windowTo.getTime(), slotMotif);
    const base: SlotSearch = {
      timeZone: practice.timeZone,
      from: windowFrom.getTime(),
      to: windowTo.getTime(),
      now: ctx.now.getTime(),
      gridMinutes: practice.slotGridMinutes,
      motif: slotMotif,
      practitioners: await loadAgendas(
        ctx.db,
        ctx.practiceId,
        practitionerIds,
        new Date(reach.start),
        new Date(reach.end),
      ),
      closedDays: closedDays(practice, windowFrom, windowTo),
      ...(locationIds ? { locationIds: new Set(locationIds) } : {}),
    };
    return findSlots(base);
  };

  const slots = await search(from, to);
  let nextFrom: string | null = to.toISOString();
  if (slots.length === 0) {
    nextFrom = null;
    for (let chunk = 0; chunk < lookAheadChunks; chunk += 1) {
      const chunkFrom = new Date(to.getTime() + chunk * 28 * dayMs);
      const [first] = await search(chunkFrom, new Date(chunkFrom.getTime() + 28 * dayMs));
      if (first) {
        nextFrom = new Date(first.start).toISOString();
        break;
      }
    }
  }
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    slots: slots.map((slot) => ({
      start: new Date(slot.start).toISOString(),
      end: new Date(slot.end).toISOString(),
      practitionerId: slot.practitionerId,
      locationId: slot.locationId,
    })),
    nextFrom,
  };
}
