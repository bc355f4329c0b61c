import type { PatientPractice } from '../../../contracts/patient-app';
import type { Ctx } from '../../context';
import { findPracticeById } from '../practice/find-practice';
import { publicPracticeOf } from '../practice/public-practice';

/** "My practice" (APP-6): name, address with a map link, email, phone, opening hours, locations. */
export async function getPatientPractice(ctx: Ctx): Promise<PatientPractice> {
  return publicPracticeOf(ctx.db, await findPracticeById(ctx.db, ctx.practiceId));
}
