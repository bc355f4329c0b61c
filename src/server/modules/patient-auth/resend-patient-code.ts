import type { Lang } from '../../../contracts/i18n/lang';
import type { CodeChallenge } from '../../../contracts/patient-auth';
import type { AppDeps } from '../../context';
import { resendCode } from '../auth/send-code';

/** "Resend the code" of the app sign-in. */
export function resendPatientCode(
  deps: AppDeps,
  input: { challengeId: string; ip: string | null; lang: Lang },
): Promise<CodeChallenge> {
  return resendCode(deps, { ...input, purpose: 'app_sign_in' });
}
