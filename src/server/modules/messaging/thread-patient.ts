import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { patients } from '../../db/schema';
import { AppError } from '../../errors';

export interface ThreadPatient {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: string;
}

/** A patient of the caller's practice (staff side); any other id answers 404. */
export async function practicePatient(ctx: Ctx, patientId: string): Promise<ThreadPatient> {
  const [patient] = await ctx.db
    .select({
      id: patients.id,
      firstName: patients.firstName,
      lastName: patients.lastName,
      birthDate: patients.birthDate,
    })
    .from(patients)
    .where(and(eq(patients.id, patientId), eq(patients.practiceId, ctx.practiceId)));
  if (!patient) throw AppError.notFound();
  return patient;
}

/** The staff member acting in a console context. */
export function staffActor(ctx: Ctx): { staffId: string; role: string } {
  if (ctx.actor.kind !== 'staff') throw AppError.forbidden();
  return ctx.actor;
}
