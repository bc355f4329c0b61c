import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { staffUpdateBody } from '../../../contracts/settings';
import type { StaffMember } from '../../../contracts/staff';
import { type Ctx, withTransaction } from '../../context';
import { agendaGrants, practices, sessions, staff } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { listStaff } from './list-staff';

async function findMember(ctx: Ctx, id: string) {
  const [member] = await ctx.db
    .select()
    .from(staff)
    .where(and(eq(staff.id, id), eq(staff.practiceId, ctx.practiceId), isNull(staff.removedAt)));
  if (!member) throw AppError.notFound();
  return member;
}

/**
 * A practice always keeps at least one administrator (SEC-1: a protected admin role). The practice row
 * is locked first, so two admins removing or demoting each other at once are served one after the other
 * and the second sees the first's change.
 */
async function assertAnotherAdmin(ctx: Ctx, leavingId: string): Promise<void> {
  await ctx.db
    .select({ id: practices.id })
    .from(practices)
    .where(eq(practices.id, ctx.practiceId))
    .for('update');
  const others = await ctx.db
    .select({ id: staff.id })
    .from(staff)
    .where(
      and(
        eq(staff.practiceId, ctx.practiceId),
        eq(staff.role, 'admin'),
        isNull(staff.removedAt),
        ne(staff.id, leavingId),
      ),
    );
  if (others.length === 0) throw new AppError('CONFLICT', { details: { reason: 'last_admin' } });
}

/**
 * The admin changes a member (SET-3): role, names, speciality, colour, app and online booking, agenda grants.
 * @public
 */
export async function updateStaff(
  ctx: Ctx,
  id: string,
  input: z.infer<typeof staffUpdateBody>,
): Promise<StaffMember> {
  await withTransaction(ctx, async (tx) => {
    const member = await findMember(tx, id);
    if (input.role && input.role !== member.role && member.role === 'admin') await assertAnotherAdmin(tx, id);
    const { agendaGrants: grants, ...fields } = input;
    if (Object.keys(fields).length > 0) await tx.db.update(staff).set(fields).where(eq(staff.id, id));
    if (grants) {
      const unique = [...new Set(grants)].filter((practitionerId) => practitionerId !== id);
      if (unique.length > 0) {
        const known = await tx.db
          .select({ id: staff.id })
          .from(staff)
          .where(
            and(
              eq(staff.practiceId, tx.practiceId),
              inArray(staff.id, unique),
              eq(staff.role, 'practitioner'),
              isNull(staff.removedAt),
            ),
          );
        if (known.length !== unique.length) throw AppError.field('agendaGrants', 'invalid_choice');
      }
      await tx.db
        .delete(agendaGrants)
        .where(and(eq(agendaGrants.practiceId, tx.practiceId), eq(agendaGrants.viewerId, id)));
      if (unique.length > 0) {
        await tx.db
          .insert(agendaGrants)
          .values(
            unique.map((practitionerId) => ({ practiceId: tx.practiceId, viewerId: id, practitionerId })),
          );
      }
    }
    await recordAudit(tx, {
      action: 'staff.update',
      entity: 'staff',
      entityId: id,
      details: { fields: Object.keys(input) },
    });
  });
  const updated = (await listStaff(ctx)).find((member) => member.id === id);
  if (!updated) throw AppError.notFound();
  return updated;
}

/**
 * Removes a member: their sessions end at once; their past actions stay attributed to them.
 * @public
 */
export async function removeStaff(ctx: Ctx, id: string): Promise<void> {
  if (ctx.actor.kind === 'staff' && ctx.actor.staffId === id)
    throw new AppError('CONFLICT', { details: { reason: 'self' } });
  await withTransaction(ctx, async (tx) => {
    const member = await findMember(tx, id);
    if (member.role === 'admin') await assertAnotherAdmin(tx, id);
    await tx.db.update(staff).set({ removedAt: tx.now }).where(eq(staff.id, id));
    await tx.db
      .update(sessions)
      .set({ revokedAt: tx.now })
      .where(and(eq(sessions.staffId, id), isNull(sessions.revokedAt)));
    await tx.db.delete(agendaGrants).where(eq(agendaGrants.viewerId, id));
    await recordAudit(tx, { action: 'staff.remove', entity: 'staff', entityId: id });
  });
}
