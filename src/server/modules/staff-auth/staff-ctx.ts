import { type AppDeps, type Ctx, makeCtx } from '../../context';
import type { Db } from '../../db/client';
import type { StaffRole } from '../../db/schema';

/** The context of a request that acts for a staff member who is not (yet) in a session. */
export function ctxOfMember(
  deps: AppDeps,
  member: { id: string; practiceId: string; role: StaffRole },
  input: { requestId: string; ip: string | null; db?: Db },
): Ctx {
  return makeCtx(deps, {
    ...(input.db ? { db: input.db } : {}),
    practiceId: member.practiceId,
    actor: { kind: 'staff', staffId: member.id, role: member.role },
    requestId: input.requestId,
    ip: input.ip,
  });
}
