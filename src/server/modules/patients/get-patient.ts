import { and, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { PatientDetail } from '../../../contracts/patients';
import { type Ctx, withTransaction } from '../../context';
import { patientReferents, patientRelations, patients } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';

const related = alias(patients, 'related');

/** A patient file for staff, with responsables and dependants; the read is audited (SEC-2). */
export async function getPatient(ctx: Ctx, patientId: string): Promise<PatientDetail> {
  if (ctx.actor.kind !== 'staff') throw AppError.forbidden();
  return withTransaction(ctx, async (tx) => {
    const [patient] = await tx.db
      .select()
      .from(patients)
      .where(and(eq(patients.id, patientId), eq(patients.practiceId, tx.practiceId)));
    if (!patient) throw AppError.notFound();
    const relatedColumns = {
      id: related.id,
      firstName: related.firstName,
      lastName: related.lastName,
      birthDate: related.birthDate,
      mobilePhone: related.mobilePhone,
      role: patientRelations.role,
    };
    const responsables = await tx.db
      .select(relatedColumns)
      .from(patientRelations)
      .innerJoin(related, eq(related.id, patientRelations.responsableId))
      .where(eq(patientRelations.patientId, patientId))
      .orderBy(patientRelations.role);
    const dependants = await tx.db
      .select(relatedColumns)
      .from(patientRelations)
      .innerJoin(related, eq(related.id, patientRelations.patientId))
      .where(eq(patientRelations.responsableId, patientId))
      .orderBy(related.birthDate);
    const referents = await tx.db
      .select({ staffId: patientReferents.staffId })
      .from(patientReferents)
      .where(eq(patientReferents.patientId, patientId));
    await recordAudit(tx, { action: 'patient.read', entity: 'patient', entityId: patientId, patientId });
    return {
      id: patient.id,
      lastName: patient.lastName,
      firstName: patient.firstName,
      birthDate: patient.birthDate,
      mobilePhone: patient.mobilePhone,
      email: patient.email,
      addressLine: patient.addressLine,
      postalCode: patient.postalCode,
      city: patient.city,
      ownPractitionerId: patient.ownPractitionerId,
      referentIds: referents.map((referent) => referent.staffId),
      notes: patient.notes,
      appOptOut: patient.appOptOut,
      notificationChannel: patient.notificationChannel,
      responsables,
      dependants,
    };
  });
}
