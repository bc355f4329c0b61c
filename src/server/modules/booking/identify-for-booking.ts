import type { z } from 'zod';
import type { identifyBody } from '../../../contracts/booking';
import type { Lang } from '../../../contracts/i18n/lang';
import type { CodeChallenge } from '../../../contracts/patient-auth';
import type { AppDeps } from '../../context';
import { identifyByPhone } from '../auth/identify-by-phone';
import { sendCode } from '../auth/send-code';
import { findPracticeBySlug } from '../practice/find-practice';

/**
 * Booking step "who are you" (BOOK-2): phone, names and birth date, then a code by SMS to that phone.
 * A person known to the practice is matched as at the app's sign-in; someone unknown is a new patient —
 * the answer is the same in both cases, so it tells nothing about who is a patient. Two files matching
 * the same identity ask to check what was typed.
 */
export async function identifyForBooking(
  deps: AppDeps,
  slug: string,
  input: z.infer<typeof identifyBody>,
  ip: string | null,
  lang: Lang,
): Promise<CodeChallenge> {
  const practice = await findPracticeBySlug(deps.db, slug);
  const { phone, match } = await identifyByPhone(deps, practice, input, ip, 'one-or-none');
  return sendCode(deps, {
    practice,
    phone,
    purpose: 'booking',
    patientId: match.kind === 'one' ? match.patientId : null,
    ip,
    lang,
    claim: { lastName: input.lastName, firstName: input.firstName, birthDate: input.birthDate },
  });
}
