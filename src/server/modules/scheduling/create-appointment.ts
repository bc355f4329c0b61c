import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Appointment, createAppointmentBody } from '../../../contracts/scheduling';
import { appointmentMinutes } from '../../../domain/scheduling/motif-duration';
import { type Ctx, withTransaction } from '../../context';
import { appointments, patients } from '../../db/schema';
import { AppError } from '../../errors';
import { auditRefusals } from '../audit/audited-refusal';
import { recordAudit } from '../audit/record-audit';
import { findPracticeById } from '../practice/find-practice';
import { announceNewAppointment } from './announce-appointment';
import {
  appendHistory,
  checkLocation,
  checkMotif,
  checkOwnPractitioner,
  checkPatient,
  checkPractitioner,
  slotGuarded,
} from './appointment-rules';
import { appointmentViewOf } from './appointment-view';

/**
 * A staff member books an appointment (RDV-2). The motif sets the duration (its first-visit duration
 * for a first visit) unless one is given; the own-practitioner rule asks for the patient's agreement
 * (RDV-5); the database refuses an overlap (RDV-4). A patient without an own practitioner gets this one,
 * as the front desk tells them ("you will be followed by this dentist").
 */
export async function createAppointment(
  ctx: Ctx,
  input: z.infer<typeof createAppointmentBody>,
): Promise<Appointment> {
  if (ctx.actor.kind !== 'staff') throw AppError.forbidden();
  const staffId = ctx.actor.staffId;
  const created = await auditRefusals(ctx, () =>
    withTransaction(ctx, async (tx) => {
      const practitioner = await checkPractitioner(tx, input.practitionerId);
      const location = await checkLocation(tx, input.locationId);
      const motif = await checkMotif(tx, input.motifId);
      const patient = await checkPatient(tx, input.patientId);
      const agreed = await checkOwnPractitioner(tx, patient, input.practitionerId, input.patientAgreed);
      const minutes = input.durationMinutes ?? appointmentMinutes(motif, input.firstVisit ?? false);
      const startsAt = new Date(input.startsAt);
      const [row] = await slotGuarded(() =>
        tx.db
          .insert(appointments)
          .values({
            practiceId: tx.practiceId,
            practitionerId: input.practitionerId,
            locationId: input.locationId,
            motifId: motif.id,
            patientId: patient.id,
            startsAt,
            endsAt: new Date(startsAt.getTime() + minutes * 60_000),
            comment: input.comment ?? null,
            channel: 'staff',
            createdByStaffId: staffId,
            carteVitale: input.carteVitale ?? false,
            firstVisit: input.firstVisit ?? false,
            patientAgreedOtherPractitioner: agreed,
            createdAt: tx.now,
            updatedAt: tx.now,
          })
          .returning(),
      );
      if (!row) throw new AppError('INTERNAL');
      let bookedPatient = patient;
      if (!patient.ownPractitionerId) {
        await tx.db
          .update(patients)
          .set({ ownPractitionerId: input.practitionerId, updatedAt: tx.now })
          .where(eq(patients.id, patient.id));
        bookedPatient = { ...patient, ownPractitionerId: input.practitionerId, updatedAt: tx.now };
      }
      await appendHistory(tx, row.id, 'created', {
        startsAt: row.startsAt.toISOString(),
        practitionerId: row.practitionerId,
        motifId: row.motifId,
        ...(agreed ? { patientAgreedOtherPractitioner: true } : {}),
      });
      // the notice and the reminder are made of the rows in memory: nothing read back
      const practice = await findPracticeById(tx.db, tx.practiceId);
      await announceNewAppointment(tx, {
        appointment: row,
        patient: bookedPatient,
        motif,
        practitioner,
        location,
        practice,
      });
      await recordAudit(tx, {
        action: 'appointment.create',
        entity: 'appointment',
        entityId: row.id,
        patientId: patient.id,
      });
      return appointmentViewOf(row, motif, patient);
    }),
  );
  ctx.deps.live.publish({
    practiceId: ctx.practiceId,
    practitionerIds: [created.practitionerId],
    appointmentId: created.id,
  });
  return created;
}
