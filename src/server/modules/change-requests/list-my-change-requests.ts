import { and, eq, gt, inArray, or } from 'drizzle-orm';
import type { ChangeRequest } from '../../../contracts/patient-app';
import type { Ctx } from '../../context';
import { patientChangeRequests } from '../../db/schema';
import { appFamily, sessionPhone } from '../patient-app/app-family';
import { patientView, selectRequests } from './change-request-views';

const recentMs = 90 * 24 * 3600_000;

/**
 * The family's review requests in the app: those this phone sent and those about a file of the
 * family, pending or decided in the last 90 days, newest first.
 */
export async function listMyChangeRequests(ctx: Ctx): Promise<{ items: ChangeRequest[] }> {
  const { phone } = sessionPhone(ctx);
  const familyIds = (await appFamily(ctx)).map((member) => member.id);
  const rows = await selectRequests(
    ctx.db,
    and(
      eq(patientChangeRequests.practiceId, ctx.practiceId),
      or(
        eq(patientChangeRequests.requestedByPhone, phone),
        ...(familyIds.length > 0 ? [inArray(patientChangeRequests.patientId, familyIds)] : []),
      ),
      or(
        eq(patientChangeRequests.status, 'pending'),
        gt(patientChangeRequests.decidedAt, new Date(ctx.now.getTime() - recentMs)),
      ),
    ),
    { limit: 100, order: 'desc' },
  );
  return { items: rows.map(patientView) };
}
