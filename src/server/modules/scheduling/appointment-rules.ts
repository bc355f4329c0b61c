import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { appointmentEvents, appointments, locations, motifs, patients, staff } from '../../db/schema';
import { AppError, sqlState } from '../../errors';
import { AuditedRefusal } from '../audit/audited-refusal';
import { resolvePractitioners } from './visibility';

export type AppointmentRow = typeof appointments.$inferSelect;
export type MotifRow = typeof motifs.$inferSelect;
export type PatientRow = typeof patients.$inferSelect;

/**
 * Runs an insert or update of an appointment; an overlap refused by the database becomes 409 SLOT_TAKEN.
 * Two transactions writing overlapping appointments at the same instant can also end in a deadlock
 * (40P01): each enters its index entry, then waits for the other's to commit. PostgreSQL aborts one of
 * them and the other goes on, so for the aborted one the slot is taken as well.
 */
export async function slotGuarded<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const state = sqlState(error);
    if (state === '23P01' || state === '40P01') throw new AppError('SLOT_TAKEN', { cause: error });
    throw error;
  }
}

/**
 * Serialises online bookings and moves into one practitioner's agenda until the transaction ends. The
 * exclusion constraint refuses overlapping appointments, but not an appointment in another one's buffer
 * or in an absence: those are checked by the slot engine, and two bookings checked at the same moment
 * would both pass. With the lock, the second one checks after the first has committed.
 */
export async function lockAgenda(ctx: Ctx, practitionerId: string): Promise<void> {
  await ctx.db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${practitionerId}, 0))`);
}

/** An appointment of the caller's practice, locked for update, whose agenda a staff caller may see. */
export async function lockAppointment(ctx: Ctx, id: string): Promise<AppointmentRow> {
  const [row] = await ctx.db
    .select()
    .from(appointments)
    .where(
      and(
        eq(appointments.id, id),
        eq(appointments.practiceId, ctx.practiceId),
        isNull(appointments.deletedAt),
      ),
    )
    .for('update');
  if (!row) throw AppError.notFound();
  // staff must be allowed to see the agenda; patients reach only their own appointment (manage link)
  if (ctx.actor.kind === 'staff') await resolvePractitioners(ctx, [row.practitionerId]);
  return row;
}

/**
 * A practitioner of the practice the caller may book for.
 * @public
 */
export async function checkPractitioner(ctx: Ctx, practitionerId: string) {
  const [member] = await ctx.db
    .select()
    .from(staff)
    .where(
      and(
        eq(staff.id, practitionerId),
        eq(staff.practiceId, ctx.practiceId),
        eq(staff.role, 'practitioner'),
        isNull(staff.removedAt),
      ),
    );
  if (!member) throw AppError.field('practitionerId', 'invalid_choice');
  await resolvePractitioners(ctx, [practitionerId]);
  return member;
}

/** @public */
export async function checkLocation(ctx: Ctx, locationId: string) {
  const [location] = await ctx.db
    .select()
    .from(locations)
    .where(
      and(
        eq(locations.id, locationId),
        eq(locations.practiceId, ctx.practiceId),
        isNull(locations.archivedAt),
      ),
    );
  if (!location) throw AppError.field('locationId', 'invalid_choice');
  return location;
}

/**
 * A motif the caller may book: secretaries only those marked bookable by the front desk (SET-4).
 * @public
 */
export async function checkMotif(ctx: Ctx, motifId: string): Promise<MotifRow> {
  const [motif] = await ctx.db
    .select()
    .from(motifs)
    .where(and(eq(motifs.id, motifId), eq(motifs.practiceId, ctx.practiceId), isNull(motifs.archivedAt)));
  if (!motif) throw AppError.field('motifId', 'invalid_choice');
  if (ctx.actor.kind === 'staff' && ctx.actor.role === 'secretary' && !motif.bookableBySecretary) {
    throw AppError.field('motifId', 'motif_not_for_secretary');
  }
  return motif;
}

/** @public */
export async function checkPatient(ctx: Ctx, patientId: string): Promise<PatientRow> {
  const [patient] = await ctx.db
    .select()
    .from(patients)
    .where(
      and(eq(patients.id, patientId), eq(patients.practiceId, ctx.practiceId), isNull(patients.archivedAt)),
    );
  if (!patient) throw AppError.field('patientId', 'invalid_choice');
  return patient;
}

/**
 * RDV-5: never place a patient with another practitioner than their own without their agreement. The
 * answer names the own practitioner so the screen can ask the question.
 */
export async function checkOwnPractitioner(
  ctx: Ctx,
  patient: PatientRow,
  practitionerId: string,
  patientAgreed: boolean | undefined,
): Promise<boolean> {
  if (!patient.ownPractitionerId || patient.ownPractitionerId === practitionerId) return false;
  if (patientAgreed) return true;
  const [own] = await ctx.db
    .select({ id: staff.id, title: staff.title, firstName: staff.firstName, lastName: staff.lastName })
    .from(staff)
    .where(eq(staff.id, patient.ownPractitionerId));
  // the answer names the patient's own dentist: audited although the change rolls back (`auditRefusals`)
  throw new AuditedRefusal(
    'CONFIRMATION_REQUIRED',
    { reason: 'own_practitioner', ownPractitioner: own ?? null },
    [
      {
        action: 'patient.own_practitioner_shown',
        entity: 'patient',
        entityId: patient.id,
        patientId: patient.id,
        details: { practitionerId, ownPractitionerId: patient.ownPractitionerId },
      },
    ],
  );
}

/**
 * An appointment moving to another practitioner: one who may take it, and the patient's own dentist
 * unless they agreed (RDV-5). Every path that changes the practitioner goes through here.
 */
export async function checkPractitionerChange(
  ctx: Ctx,
  patientId: string,
  practitionerId: string,
  patientAgreed: boolean | undefined,
): Promise<void> {
  await checkPractitioner(ctx, practitionerId);
  await checkOwnPractitioner(ctx, await checkPatient(ctx, patientId), practitionerId, patientAgreed);
}

/** Appends a line to the appointment's history (RDV-8). */
export async function appendHistory(
  ctx: Ctx,
  appointmentId: string,
  action: string,
  details: Record<string, unknown> | null = null,
): Promise<void> {
  const actorId =
    ctx.actor.kind === 'staff'
      ? ctx.actor.staffId
      : ctx.actor.kind === 'patient'
        ? ctx.actor.patientId
        : null;
  await ctx.db.insert(appointmentEvents).values({
    practiceId: ctx.practiceId,
    appointmentId,
    at: ctx.now,
    actorKind: ctx.actor.kind,
    actorId,
    action,
    details,
  });
}
