import type { BookingGrant } from '../../../contracts/booking';
import type { AppDeps } from '../../context';
import { bookingGrants } from '../../db/schema';
import { consumeCode } from '../auth/one-time-codes';
import { hashToken, newToken } from '../auth/tokens';
import { familyOfPhone } from '../patients/family';

/** @public */
export const bookingGrantMinutes = 30;

/**
 * Booking step "the code": a right code proves the phone. The answer is a short-lived booking token and,
 * for a known person, the family they may book for (themselves and their dependants — BOOK-2, PAT-2).
 */
export async function verifyBookingCode(
  deps: AppDeps,
  input: { challengeId: string; code: string },
): Promise<BookingGrant> {
  const now = deps.clock.now();
  const challenge = await consumeCode(deps, input.challengeId, 'booking', input.code);
  const token = newToken();
  await deps.db.insert(bookingGrants).values({
    practiceId: challenge.practiceId,
    tokenHash: hashToken(token),
    phone: challenge.phone,
    patientId: challenge.patientId,
    lastName: challenge.claim?.lastName ?? '',
    firstName: challenge.claim?.firstName ?? '',
    birthDate: challenge.claim?.birthDate ?? '',
    expiresAt: new Date(now.getTime() + bookingGrantMinutes * 60_000),
    createdAt: now,
  });
  if (!challenge.patientId) return { bookingToken: token, known: false, family: [] };
  const family = (await familyOfPhone(deps.db, challenge.practiceId, challenge.phone)).filter(
    (member) => !member.appOptOut || member.id === challenge.patientId,
  );
  return {
    bookingToken: token,
    known: true,
    family: family.map((member) => ({
      id: member.id,
      firstName: member.firstName,
      lastName: member.lastName,
      birthDate: member.birthDate,
      isSelf: member.id === challenge.patientId,
    })),
  };
}
