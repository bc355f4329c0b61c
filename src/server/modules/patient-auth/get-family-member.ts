import type { PatientFile } from '../../../contracts/patient-auth';
import type { Ctx } from '../../context';
import { appFamilyMember } from '../patient-app/app-family';

/**
 * One patient file as the app shows it. A file outside the signed-in family answers 404, exactly as a
 * file that does not exist, so ids leak nothing.
 */
export async function getFamilyMember(ctx: Ctx, patientId: string): Promise<PatientFile> {
  const member = await appFamilyMember(ctx, patientId);
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
