import { and, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Absence, absenceBody } from '../../../contracts/settings';
import { dayOf, localMs, minutesOf, timeOfMinutes } from '../../../domain/time/local-date';
import { ZoneConverter } from '../../../domain/time/zone-converter';
import { type Ctx, withTransaction } from '../../context';
import { absences } from '../../db/schema';
import { AppError } from '../../errors';
import { AuditedRefusal, auditRefusals } from '../audit/audited-refusal';
import { recordAudit } from '../audit/record-audit';
import { findPracticeById } from '../practice/find-practice';
import { checkPractitioner } from '../scheduling/appointment-rules';
import { cancelAppointment } from '../scheduling/cancel-appointment';
import { recurrenceOf } from '../scheduling/load-agendas';
import { assertCanManageAgenda, resolvePractitioners } from '../scheduling/visibility';
import { coveredAppointments } from './covered-appointments';
import { recurrenceColumns } from './recurrence-columns';

type AbsenceRow = typeof absences.$inferSelect;

function toAbsence(row: AbsenceRow): Absence {
  const recurrence = recurrenceOf(row);
  return {
    id: row.id,
    practitionerId: row.practitionerId,
    title: row.title,
    oneOff:
      row.startsAt && row.endsAt
        ? { startsAt: row.startsAt.toISOString(), endsAt: row.endsAt.toISOString() }
        : null,
    recurring:
      row.firstDay && (recurrence.weekly || recurrence.monthly)
        ? {
            firstDay: row.firstDay,
            startTime: timeOfMinutes(row.startMinute ?? 0),
            endTime: timeOfMinutes(row.endMinute ?? 0),
            weekly: recurrence.weekly,
            monthly: recurrence.monthly ?? null,
          }
        : null,
  };
}

/** Absences (SET-6) of the practitioners the caller may see, or of one of them, newest first. */
export async function listAbsences(ctx: Ctx, practitionerId?: string): Promise<Absence[]> {
  const ids = await resolvePractitioners(ctx, practitionerId ? [practitionerId] : undefined);
  if (ids.length === 0) return [];
  const rows = await ctx.db
    .select()
    .from(absences)
    .where(and(eq(absences.practiceId, ctx.practiceId), inArray(absences.practitionerId, ids)))
    .orderBy(desc(absences.createdAt))
    .limit(500);
  return rows.map(toAbsence);
}

/** One-off absences are typed in local date-times and stored as instants of the practice's zone. */
async function valuesOf(ctx: Ctx, input: z.infer<typeof absenceBody>) {
  assertCanManageAgenda(ctx, input.practitionerId);
  if ((input.oneOff === null) === (input.recurring === null)) throw AppError.field('oneOff', 'required');
  if (input.oneOff) {
    const practice = await findPracticeById(ctx.db, ctx.practiceId);
    const startLocal = localMs(dayOf(input.oneOff.startDay), minutesOf(input.oneOff.startTime));
    const endLocal = localMs(dayOf(input.oneOff.endDay), minutesOf(input.oneOff.endTime));
    if (endLocal <= startLocal) throw AppError.field('oneOff.endTime', 'end_before_start');
    const zone = new ZoneConverter(practice.timeZone, startLocal - 86_400_000, endLocal + 86_400_000);
    return {
      practitionerId: input.practitionerId,
      title: input.title,
      startsAt: new Date(zone.toInstant(startLocal)),
      endsAt: new Date(zone.toInstant(endLocal)),
      firstDay: null,
      startMinute: null,
      endMinute: null,
      weekdays: null,
      intervalWeeks: null,
      intervalMonths: null,
      monthDay: null,
      monthNth: null,
      monthWeekday: null,
      untilDay: null,
    };
  }
  const recurring = input.recurring as NonNullable<typeof input.recurring>;
  const startMinute = minutesOf(recurring.startTime);
  const endMinute = minutesOf(recurring.endTime);
  if (endMinute <= startMinute) throw AppError.field('recurring.endTime', 'end_before_start');
  const columns = recurrenceColumns(recurring, 'recurring.', true);
  return {
    practitionerId: input.practitionerId,
    title: input.title,
    startsAt: null,
    endsAt: null,
    firstDay: recurring.firstDay,
    startMinute,
    endMinute,
    ...columns,
  };
}

/**
 * An absence over booked appointments is never saved silently (issue 9 §1.7): without a decision, the
 * answer lists them (409 CONFIRMATION_REQUIRED); 'cancel' cancels each as the practice (the patient is
 * told, the time is not offered to the waiting list since the practitioner is away); 'keep' keeps them.
 * Runs in the absence's transaction, after it is written.
 */
async function settleCovered(
  tx: Ctx,
  values: Awaited<ReturnType<typeof valuesOf>>,
  input: z.infer<typeof absenceBody>,
): Promise<{ cancelled: number; kept: number }> {
  const covered = await coveredAppointments(tx, values);
  if (covered.length === 0) return { cancelled: 0, kept: 0 };
  if (!input.coveredAppointments) {
    // the refusal names patients: audited (after the rollback, by `auditRefusals`)
    throw new AuditedRefusal(
      'CONFIRMATION_REQUIRED',
      {
        reason: 'absence_covers_appointments',
        appointments: covered.map(({ patientId: _, ...shown }) => shown),
      },
      covered.map((appointment) => ({
        action: 'settings.absence.covered_read',
        entity: 'appointment',
        entityId: appointment.id,
        patientId: appointment.patientId,
        details: { practitionerId: values.practitionerId, answer: 'CONFIRMATION_REQUIRED' },
      })),
    );
  }
  if (input.coveredAppointments === 'keep') return { cancelled: 0, kept: covered.length };
  for (const appointment of covered) {
    await cancelAppointment(tx, appointment.id, { by: 'practice', reason: input.title });
  }
  return { cancelled: covered.length, kept: 0 };
}

export async function createAbsence(ctx: Ctx, input: z.infer<typeof absenceBody>): Promise<Absence> {
  const values = await valuesOf(ctx, input);
  const created = await auditRefusals(ctx, () =>
    withTransaction(ctx, async (tx) => {
      await checkPractitioner(tx, input.practitionerId);
      const [row] = await tx.db
        .insert(absences)
        .values({ ...values, practiceId: tx.practiceId, createdAt: tx.now })
        .returning();
      if (!row) throw new AppError('INTERNAL');
      const settled = await settleCovered(tx, values, input);
      await recordAudit(tx, {
        action: 'settings.absence.create',
        entity: 'absence',
        entityId: row.id,
        details: settled,
      });
      return toAbsence(row);
    }),
  );
  ctx.deps.live.publish({ practiceId: ctx.practiceId, practitionerIds: [created.practitionerId] });
  return created;
}

export async function updateAbsence(
  ctx: Ctx,
  id: string,
  input: z.infer<typeof absenceBody>,
): Promise<Absence> {
  const values = await valuesOf(ctx, input);
  const updated = await auditRefusals(ctx, () =>
    withTransaction(ctx, async (tx) => {
      await findAbsence(tx, id);
      await checkPractitioner(tx, input.practitionerId);
      const [row] = await tx.db.update(absences).set(values).where(eq(absences.id, id)).returning();
      if (!row) throw AppError.notFound();
      const settled = await settleCovered(tx, values, input);
      await recordAudit(tx, {
        action: 'settings.absence.update',
        entity: 'absence',
        entityId: id,
        details: settled,
      });
      return toAbsence(row);
    }),
  );
  ctx.deps.live.publish({ practiceId: ctx.practiceId, practitionerIds: [updated.practitionerId] });
  return updated;
}

export async function deleteAbsence(ctx: Ctx, id: string): Promise<void> {
  const practitionerId = await withTransaction(ctx, async (tx) => {
    const absence = await findAbsence(tx, id);
    await tx.db.delete(absences).where(eq(absences.id, id));
    await recordAudit(tx, { action: 'settings.absence.delete', entity: 'absence', entityId: id });
    return absence.practitionerId;
  });
  ctx.deps.live.publish({ practiceId: ctx.practiceId, practitionerIds: [practitionerId] });
}

async function findAbsence(ctx: Ctx, id: string): Promise<AbsenceRow> {
  const [absence] = await ctx.db
    .select()
    .from(absences)
    .where(and(eq(absences.id, id), eq(absences.practiceId, ctx.practiceId)));
  if (!absence) throw AppError.notFound();
  await resolvePractitioners(ctx, [absence.practitionerId]);
  assertCanManageAgenda(ctx, absence.practitionerId);
  return absence;
}
