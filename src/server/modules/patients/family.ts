import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { patientRelations, patients } from '../../db/schema';

/**
 * The patients reachable from a phone in one practice (APP-1, PAT-2): those whose own mobile it is,
 * and the dependants of those (children, people a guarantor pays for). Archived files are left out.
 * One query, whatever the family size.
 */
function reachableFromPhone(practiceId: string, phone: string) {
  const holders = and(eq(patients.practiceId, practiceId), eq(patients.mobilePhone, phone));
  const responsablePatients = (db: Db) =>
    db
      .select({ id: patientRelations.patientId })
      .from(patientRelations)
      .innerJoin(patients, eq(patients.id, patientRelations.responsableId))
      .where(and(eq(patientRelations.practiceId, practiceId), holders));
  return { holders, responsablePatients };
}

/** @public */
export async function familyOfPhone(db: Db, practiceId: string, phone: string) {
  const { holders, responsablePatients } = reachableFromPhone(practiceId, phone);
  return db
    .select()
    .from(patients)
    .where(
      and(
        eq(patients.practiceId, practiceId),
        isNull(patients.archivedAt),
        or(holders, inArray(patients.id, responsablePatients(db))),
      ),
    )
    .orderBy(patients.birthDate);
}

/** @public */
export type FamilyPatient = Awaited<ReturnType<typeof familyOfPhone>>[number];
