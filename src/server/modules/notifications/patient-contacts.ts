import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Ctx } from '../../context';
import { patientRelations, patients } from '../../db/schema';

const responsable = alias(patients, 'responsable');

/** @public */
export interface PatientContact {
  phone: string | null;
  email: string | null;
}

/**
 * Where to reach some patients (appointment notices, app reminders, waitlist offers): their own mobile
 * and email, and for a dependant without them, parent 1, parent 2, then the guarantor — the one rule of
 * the contact fallback. One query for all the responsables, whatever the number of patients, and none
 * when every patient has both contacts.
 * @public
 */
export async function patientContacts(
  ctx: Pick<Ctx, 'db'>,
  people: readonly { id: string; mobilePhone: string | null; email: string | null }[],
): Promise<Map<string, PatientContact>> {
  const contacts = new Map<string, PatientContact>(
    people.map((person) => [person.id, { phone: person.mobilePhone, email: person.email }]),
  );
  const lacking = people.filter((person) => !person.mobilePhone || !person.email).map((person) => person.id);
  if (lacking.length === 0) return contacts;
  const rows = await ctx.db
    .select({
      patientId: patientRelations.patientId,
      phone: responsable.mobilePhone,
      email: responsable.email,
    })
    .from(patientRelations)
    .innerJoin(responsable, eq(responsable.id, patientRelations.responsableId))
    .where(
      and(
        inArray(patientRelations.patientId, lacking),
        inArray(patientRelations.role, ['parent1', 'parent2', 'guarantor']),
      ),
    )
    .orderBy(
      asc(patientRelations.patientId),
      // parent 1, parent 2, guarantor: not the alphabetical order of the roles
      sql`case ${patientRelations.role} when 'parent1' then 1 when 'parent2' then 2 else 3 end`,
    );
  for (const row of rows) {
    const contact = contacts.get(row.patientId);
    if (!contact) continue;
    contact.phone ??= row.phone;
    contact.email ??= row.email;
  }
  return contacts;
}
