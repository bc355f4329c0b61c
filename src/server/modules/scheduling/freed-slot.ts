import { eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { practices } from '../../db/schema';
import { scheduleJob } from '../../jobs/scheduled-jobs';
import type { AppointmentRow } from './appointment-rules';

/**
 * A future slot was freed (cancelled or deleted appointment): the waiting list gets a chance at it
 * (RDV-6, RDV-10). The offer is made by a job after the change commits, so a cancellation is never slowed
 * or failed by the waiting list.
 */
export async function offerFreedSlot(ctx: Ctx, appointment: AppointmentRow): Promise<void> {
  if (appointment.startsAt.getTime() <= ctx.now.getTime()) return;
  const [practice] = await ctx.db
    .select({ waitlistEnabled: practices.waitlistEnabled })
    .from(practices)
    .where(eq(practices.id, appointment.practiceId));
  if (!practice?.waitlistEnabled) return;
  await scheduleJob(ctx.db, {
    kind: 'waitlist_match',
    practiceId: appointment.practiceId,
    runAt: ctx.now,
    payload: {
      appointmentId: appointment.id,
      practitionerId: appointment.practitionerId,
      locationId: appointment.locationId,
      motifId: appointment.motifId,
      startsAt: appointment.startsAt.toISOString(),
      endsAt: appointment.endsAt.toISOString(),
    },
    uniqueKey: `waitlist:${appointment.id}:v${appointment.version}`,
  });
}
