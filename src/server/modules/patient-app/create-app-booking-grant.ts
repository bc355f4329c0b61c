import type { BookingGrant } from '../../../contracts/booking';
import type { Ctx } from '../../context';
import { bookingGrants } from '../../db/schema';
import { AppError } from '../../errors';
import { hashToken, newToken } from '../auth/tokens';
import { bookingGrantMinutes } from '../booking/verify-booking-code';
import { appFamily, sessionPhone } from './app-family';

/**
 * A booking token for the app's "book an appointment" (APP-3): the session already proved the phone by
 * SMS, so no new code is sent. The token works with the online booking routes for the signed-in person
 * and the family the app shows, for 30 minutes.
 */
export async function createAppBookingGrant(ctx: Ctx): Promise<BookingGrant> {
  const { phone, patientId } = sessionPhone(ctx);
  const family = await appFamily(ctx);
  const self = family.find((member) => member.id === patientId);
  if (!self) throw new AppError('APP_ACCESS_DISABLED');
  const token = newToken();
  await ctx.db.insert(bookingGrants).values({
    practiceId: ctx.practiceId,
    tokenHash: hashToken(token),
    phone,
    patientId: self.id,
    lastName: self.lastName,
    firstName: self.firstName,
    birthDate: self.birthDate,
    expiresAt: new Date(ctx.now.getTime() + bookingGrantMinutes * 60_000),
    createdAt: ctx.now,
  });
  return {
    bookingToken: token,
    known: true,
    family: family.map((member) => ({
      id: member.id,
      firstName: member.firstName,
      lastName: member.lastName,
      birthDate: member.birthDate,
      isSelf: member.id === patientId,
    })),
  };
}
