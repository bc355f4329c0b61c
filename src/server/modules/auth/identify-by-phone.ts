import { type IdentityClaim, matchIdentity } from '../../../domain/identity';
import { normalisePhone } from '../../../domain/phone';
import type { AppDeps } from '../../context';
import { AppError } from '../../errors';
import { familyOfPhone } from '../patients/family';
import type { Practice } from '../practice/find-practice';
import { addressKey } from './address-key';
import { assertCodeSendAllowed } from './one-time-codes';
import { limits, secondsUntilAllowed, takeToken } from './rate-limit';

/** Which matches a caller accepts: the app's sign-in needs one known person; booking also takes a
 * newcomer (no match). Anything else is a miss. */
export type AcceptedMatch = 'one' | 'one-or-none';

/**
 * Reads a phone and an identity claim (APP-1, BOOK-2): normalises the phone in the practice's country,
 * refuses a birth date in the future, applies the per-address and per-phone limits, and matches the
 * claim against the patients reachable from the phone. A miss counts against the address and answers
 * IDENTITY_NOT_MATCHED.
 *
 * A miss is checked and counted in one statement (`takeToken`) before it is answered, so parallel probes
 * get at most the limit's number of "no" answers; past it they read 429 like everyone else. A match is
 * answered only by sending a code, which the per-phone and per-address send limits bound in the same way.
 * (Taking the token before the lookup would also refuse honest requests merely running at the same time.)
 * @public
 */
export async function identifyByPhone(
  deps: AppDeps,
  practice: Practice,
  claim: IdentityClaim & { phone: string },
  ip: string | null,
  accept: AcceptedMatch,
) {
  const now = deps.clock.now();
  const phone = normalisePhone(claim.phone, practice.country);
  if (!phone) throw AppError.field('phone', 'phone');
  if (claim.birthDate > now.toISOString().slice(0, 10))
    throw AppError.field('birthDate', 'birth_date_future');
  const missKey = `patient-identity-miss:ip:${addressKey(ip)}`;
  const wait = await secondsUntilAllowed(deps.db, missKey, limits.identityMissesPerIp, now);
  if (wait > 0) throw AppError.tooManyAttempts(wait);
  await assertCodeSendAllowed(deps.db, practice.id, phone, ip, now);
  const family = await familyOfPhone(deps.db, practice.id, phone);
  const match = matchIdentity(family, claim);
  const accepted = match.kind === 'one' || (accept === 'one-or-none' && match.kind === 'none');
  if (!accepted) {
    const miss = await takeToken(deps.db, missKey, limits.identityMissesPerIp, now);
    if (!miss.allowed) throw AppError.tooManyAttempts(miss.retryAfterSeconds);
    throw new AppError('IDENTITY_NOT_MATCHED');
  }
  return { phone, family, match };
}
