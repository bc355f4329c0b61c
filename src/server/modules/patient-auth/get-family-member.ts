import type { PatientFile } from '../../../contracts/patient-auth';
import type { Ctx } from '../../context';
import { AppError } from '../../errors';
import { familyOfPhone } from '../patients/family';

/**
 * One patient file as the app shows it. A file outside the signed-in family answers 404, exactly as a
 * file that does not exist, so ids leak nothing.
 */
export async function getFamilyMember(ctx: Ctx, patientId: string): Promise<PatientFile> {
  if (ctx.actor.kind !== 'patient') throw new AppError('UNAUTHENTICATED');
  const member = (await familyOfPhone(ctx.db, ctx.practiceId, ctx.actor.phone)).find(
    (candidate) => candidate.id === patientId && !candidate.appOptOut,
  );
  if (!member) throw AppError.notFound();
  return {
    id: member.id,
    firstName: member.firstName,
    lastName: member.lastName,
    birthDate: member.birthDate,
    mobilePhone: member.mobilePhone,
    email: member.email,
    addressLine: member.addressLine,
    postalCode: member.postalCode,
    city: member.city,
  };
}
