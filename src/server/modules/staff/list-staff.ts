import { and, asc, eq, isNull } from 'drizzle-orm';
import type { StaffMember } from '../../../contracts/staff';
import type { Ctx } from '../../context';
import { agendaGrants, staff } from '../../db/schema';

/** The practice's current staff (removed members excluded), by name. */
export async function listStaff(ctx: Ctx): Promise<StaffMember[]> {
  const rows = await ctx.db
    .select()
    .from(staff)
    .where(and(eq(staff.practiceId, ctx.practiceId), isNull(staff.removedAt)))
    .orderBy(asc(staff.lastName), asc(staff.firstName));
  const grants = await ctx.db.select().from(agendaGrants).where(eq(agendaGrants.practiceId, ctx.practiceId));
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    role: row.role,
    title: row.title,
    firstName: row.firstName,
    lastName: row.lastName,
    speciality: row.speciality,
    activeInApp: row.activeInApp,
    onlineBookingOpen: row.onlineBookingOpen,
    colour: row.colour,
    agendaGrants: grants.filter((grant) => grant.viewerId === row.id).map((grant) => grant.practitionerId),
    status: row.passwordHash ? 'active' : 'invited',
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
    twoFactor: row.totpEnabledAt !== null,
  }));
}
