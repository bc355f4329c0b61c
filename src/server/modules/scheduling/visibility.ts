import { and, eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { agendaGrants, staff } from '../../db/schema';
import { AppError } from '../../errors';

/**
 * The practice's practitioners (staff with an agenda), not removed.
 * @public
 */
export async function practitionersOf(ctx: Ctx) {
  return ctx.db
    .select()
    .from(staff)
    .where(and(eq(staff.practiceId, ctx.practiceId), eq(staff.role, 'practitioner'), isNull(staff.removedAt)))
    .orderBy(staff.lastName, staff.firstName);
}

/**
 * Whose agendas the caller may see (RDV-1, SET-3): admins and secretaries every agenda; a practitioner
 * their own plus those the admin granted them.
 * @public
 */
export async function visiblePractitionerIds(ctx: Ctx): Promise<string[]> {
  if (ctx.actor.kind !== 'staff') throw AppError.forbidden();
  const all = await practitionersOf(ctx);
  if (ctx.actor.role !== 'practitioner') return all.map((member) => member.id);
  const grants = await ctx.db
    .select({ practitionerId: agendaGrants.practitionerId })
    .from(agendaGrants)
    .where(and(eq(agendaGrants.practiceId, ctx.practiceId), eq(agendaGrants.viewerId, ctx.actor.staffId)));
  const allowed = new Set([ctx.actor.staffId, ...grants.map((grant) => grant.practitionerId)]);
  return all.filter((member) => allowed.has(member.id)).map((member) => member.id);
}

/**
 * The requested practitioners, all of which the caller must be allowed to see (403 otherwise).
 * @public
 */
export async function resolvePractitioners(ctx: Ctx, requested: string[] | undefined): Promise<string[]> {
  const visible = await visiblePractitionerIds(ctx);
  if (!requested || requested.length === 0) return visible;
  const allowed = new Set(visible);
  if (requested.some((id) => !allowed.has(id))) throw AppError.forbidden();
  return requested;
}

export function parseIdList(value: string | undefined): string[] | undefined {
  if (!value) return undefined;
  const ids = value
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  if (ids.some((id) => !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))) {
    throw AppError.field('practitionerIds', 'uuid');
  }
  return ids;
}

/**
 * Who may change a practitioner's opening ranges and absences: the admin, and the practitioner for
 * their own agenda. The front desk sees them but does not change them.
 * @public
 */
export function assertCanManageAgenda(ctx: Ctx, practitionerId: string): void {
  if (ctx.actor.kind !== 'staff') throw AppError.forbidden();
  if (ctx.actor.role === 'admin') return;
  if (ctx.actor.role === 'practitioner' && ctx.actor.staffId === practitionerId) return;
  throw AppError.forbidden();
}
