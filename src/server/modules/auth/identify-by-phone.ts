import { type IdentityClaim, matchIdentity } from '../../../domain/identity';
import { normalisePhone } from '../../../domain/phone';
import type { AppDeps } from '../../context';
import { AppError } from '../../errors';
import { familyOfPhone } from '../patients/family';
import type { Practice } from '../practice/find-practice';
import { assertCodeSendAllowed } from './one-time-codes';
import { hit, limits, secondsUntilAllowed } from './rate-limit';

/**
 * Reads a phone and an identity claim (APP-1, BOOK-2): normalises the phone in the practice's country,
 * refuses a birth date in the future, applies the per-address and per-phone limits, and matches the
 * claim against the patients reachable from the phone. A miss counts against the address.
 */
export async function identifyByPhone(
  deps: AppDeps,
  practice: Practice,
  claim: IdentityClaim & { phone: string },
  ip: string | null,
) {
  const now = deps.clock.now();
  const phone = normalisePhone(claim.phone, practice.country);
  if (!phone) throw AppError.field('phone', 'phone');
  if (claim.birthDate > now.toISOString().slice(0, 10))
    throw AppError.field('birthDate', 'birth_date_future');
  const missKey = `patient-identity-miss:ip:${ip ?? 'unknown'}`;
  const wait = await secondsUntilAllowed(deps.db, missKey, limits.identityMissesPerIp, now);
  if (wait > 0) throw AppError.tooManyAttempts(wait);
  await assertCodeSendAllowed(deps.db, practice.id, phone, ip, now);
  const family = await familyOfPhone(deps.db, practice.id, phone);
  const match = matchIdentity(family, claim);
  const countMiss = () => hit(deps.db, missKey, limits.identityMissesPerIp, now);
  return { phone, family, match, countMiss };
}
