import { eq } from 'drizzle-orm';
import type { StaffMe } from '../../../contracts/staff-auth';
import type { Ctx } from '../../context';
import { practices, staff } from '../../db/schema';
import { AppError } from '../../errors';

/**
 * The signed-in staff member and their practice, for the console frame.
 * @public
 */
export async function getStaffMe(ctx: Ctx, locked: boolean): Promise<StaffMe> {
  if (ctx.actor.kind !== 'staff') throw new AppError('UNAUTHENTICATED');
  const [row] = await ctx.db
    .select({
      id: staff.id,
      email: staff.email,
      title: staff.title,
      firstName: staff.firstName,
      lastName: staff.lastName,
      role: staff.role,
      practice: {
        id: practices.id,
        slug: practices.slug,
        name: practices.name,
        autoLockSeconds: practices.autoLockSeconds,
        timeZone: practices.timeZone,
      },
      totpEnabledAt: staff.totpEnabledAt,
      staffMfaRequired: practices.staffMfaRequired,
    })
    .from(staff)
    .innerJoin(practices, eq(practices.id, staff.practiceId))
    .where(eq(staff.id, ctx.actor.staffId));
  if (!row) throw new AppError('UNAUTHENTICATED');
  const { totpEnabledAt, staffMfaRequired, ...member } = row;
  return {
    ...member,
    locked,
    mfa: { enabled: totpEnabledAt !== null, enrolmentRequired: staffMfaRequired && totpEnabledAt === null },
  };
}
