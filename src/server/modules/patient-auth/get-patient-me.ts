import type { PatientMe } from '../../../contracts/patient-auth';
import { maskPhone } from '../../../domain/phone';
import type { Ctx } from '../../context';
import { getAppModules } from '../app-modules/app-modules';
import { appFamily, sessionPhone } from '../patient-app/app-family';
import { findPracticeById } from '../practice/find-practice';

/**
 * The signed-in phone's view: its practice and its family (every patient linked to the phone). The
 * family is computed on each call, so a dependant added by the practice appears without signing in
 * again, and an opted-out file disappears at once.
 */
export async function getPatientMe(ctx: Ctx): Promise<PatientMe> {
  const { phone, patientId } = sessionPhone(ctx);
  const practice = await findPracticeById(ctx.db, ctx.practiceId);
  const family = await appFamily(ctx);
  return {
    maskedPhone: maskPhone(phone),
    practice: {
      id: practice.id,
      slug: practice.slug,
      name: practice.name,
      phone: practice.phone,
      email: practice.email,
    },
    family: family.map((member) => ({
      id: member.id,
      firstName: member.firstName,
      lastName: member.lastName,
      birthDate: member.birthDate,
      isSelf: member.id === patientId,
    })),
    modules: await getAppModules(ctx.db, ctx.practiceId),
  };
}
