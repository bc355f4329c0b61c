import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { PracticeSettings, updatePracticeSettingsBody } from '../../../contracts/settings';
import { normalisePhone } from '../../../domain/phone';
import { type Ctx, withTransaction } from '../../context';
import { practices } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { findPracticeById, type Practice } from '../practice/find-practice';

function toSettings(practice: Practice): PracticeSettings {
  return {
    name: practice.name,
    phone: practice.phone,
    email: practice.email,
    addressLine: practice.addressLine,
    postalCode: practice.postalCode,
    city: practice.city,
    country: practice.country,
    region: practice.region,
    timeZone: practice.timeZone,
    openingHours: practice.openingHours,
    autoLockMinutes: Math.max(1, Math.round(practice.autoLockSeconds / 60)),
    slotGridMinutes: practice.slotGridMinutes as PracticeSettings['slotGridMinutes'],
    onlineBookingOpen: practice.onlineBookingOpen,
    closedOnPublicHolidays: practice.closedOnPublicHolidays,
    excusedNoticeHours: practice.excusedNoticeHours,
    cancellationCutoffHours: practice.cancellationCutoffHours,
    reminderHoursBefore: practice.reminderHoursBefore,
    feedPatientDetail: practice.feedPatientDetail,
    waitlistEnabled: practice.waitlistEnabled,
    staffMfaRequired: practice.staffMfaRequired,
  };
}

export async function getPracticeSettings(ctx: Ctx): Promise<PracticeSettings> {
  return toSettings(await findPracticeById(ctx.db, ctx.practiceId));
}

/**
 * The admin edits the practice (SET-1, SET-7): details, hours, lock delay, slot grid, booking, holidays,
 * the manage-link cutoff, the reminder delay, what feeds show of patients, the waiting list, and
 * whether staff must sign in with a second factor.
 */
export async function updatePracticeSettings(
  ctx: Ctx,
  input: z.infer<typeof updatePracticeSettingsBody>,
): Promise<PracticeSettings> {
  const current = await findPracticeById(ctx.db, ctx.practiceId);
  if (Object.keys(input).length === 0) return toSettings(current);
  const country = input.country ?? current.country;
  let phone: string | null | undefined;
  if (input.phone !== undefined) {
    phone = input.phone === null ? null : normalisePhone(input.phone, country);
    if (phone === null && input.phone !== null) throw AppError.field('phone', 'phone');
  }
  for (const [index, period] of (input.openingHours ?? []).entries()) {
    if (period.closes <= period.opens)
      throw AppError.field(`openingHours.${index}.closes`, 'end_before_start');
  }
  const [updated] = await withTransaction(ctx, async (tx) => {
    const rows = await tx.db
      .update(practices)
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(phone !== undefined ? { phone } : {}),
        ...(input.email !== undefined ? { email: input.email } : {}),
        ...(input.addressLine !== undefined ? { addressLine: input.addressLine } : {}),
        ...(input.postalCode !== undefined ? { postalCode: input.postalCode } : {}),
        ...(input.city !== undefined ? { city: input.city } : {}),
        ...(input.country !== undefined ? { country: input.country } : {}),
        ...(input.region !== undefined ? { region: input.region } : {}),
        ...(input.timeZone !== undefined ? { timeZone: input.timeZone } : {}),
        ...(input.openingHours !== undefined ? { openingHours: input.openingHours } : {}),
        ...(input.autoLockMinutes !== undefined ? { autoLockSeconds: input.autoLockMinutes * 60 } : {}),
        ...(input.slotGridMinutes !== undefined ? { slotGridMinutes: input.slotGridMinutes } : {}),
        ...(input.onlineBookingOpen !== undefined ? { onlineBookingOpen: input.onlineBookingOpen } : {}),
        ...(input.closedOnPublicHolidays !== undefined
          ? { closedOnPublicHolidays: input.closedOnPublicHolidays }
          : {}),
        ...(input.excusedNoticeHours !== undefined ? { excusedNoticeHours: input.excusedNoticeHours } : {}),
        ...(input.cancellationCutoffHours !== undefined
          ? { cancellationCutoffHours: input.cancellationCutoffHours }
          : {}),
        ...(input.reminderHoursBefore !== undefined
          ? { reminderHoursBefore: input.reminderHoursBefore }
          : {}),
        ...(input.feedPatientDetail !== undefined ? { feedPatientDetail: input.feedPatientDetail } : {}),
        ...(input.waitlistEnabled !== undefined ? { waitlistEnabled: input.waitlistEnabled } : {}),
        ...(input.staffMfaRequired !== undefined ? { staffMfaRequired: input.staffMfaRequired } : {}),
      })
      .where(eq(practices.id, tx.practiceId))
      .returning();
    await recordAudit(tx, {
      action: 'settings.practice',
      entity: 'practice',
      entityId: tx.practiceId,
      details: { fields: Object.keys(input) },
    });
    return rows;
  });
  if (!updated) throw AppError.notFound();
  return toSettings(updated);
}
