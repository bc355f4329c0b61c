import type { Lang } from '../../../contracts/i18n/lang';
import type { CodeChallenge } from '../../../contracts/patient-auth';
import type { AppDeps } from '../../context';
import { AppError } from '../../errors';
import { identifyByPhone } from '../auth/identify-by-phone';
import { sendCode } from '../auth/send-code';
import { findPracticeBySlug } from '../practice/find-practice';

export interface PatientSignInStart {
  practice: string;
  phone: string;
  lastName: string;
  firstName: string;
  birthDate: string;
  ip: string | null;
  lang: Lang;
}

/**
 * First step of the patient app sign-in (APP-1). The phone is looked up among the patients' own phones
 * and their responsables' phones; exactly one person must match the names and birth date. Then a
 * 6-digit code goes out by SMS. A miss says "check what you entered", never which field is wrong, and
 * misses are rate-limited per address so the lookup cannot be used to probe who is a patient.
 */
export async function startPatientSignIn(deps: AppDeps, input: PatientSignInStart): Promise<CodeChallenge> {
  const practice = await findPracticeBySlug(deps.db, input.practice);
  const { phone, family, match } = await identifyByPhone(deps, practice, input, input.ip, 'one');
  if (match.kind !== 'one') throw new AppError('IDENTITY_NOT_MATCHED');
  if (family.find((member) => member.id === match.patientId)?.appOptOut)
    throw new AppError('APP_ACCESS_DISABLED');
  return sendCode(deps, {
    practice,
    phone,
    purpose: 'app_sign_in',
    patientId: match.patientId,
    ip: input.ip,
    lang: input.lang,
  });
}
