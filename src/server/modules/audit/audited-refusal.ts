import type { AppErrorCode, ErrorDetails } from '../../../contracts/errors';
import type { Ctx } from '../../context';
import { AppError } from '../../errors';
import { type AuditEntry, recordAudit } from './record-audit';

/**
 * A refusal whose answer carries patient data (a 409 listing appointments or look-alike files): the read
 * it made is audited although nothing is saved. It is thrown from inside the work's transaction, which
 * rolls back, so `auditRefusals` records its entries afterwards, on the outer context.
 * @public
 */
export class AuditedRefusal<C extends AppErrorCode = AppErrorCode> extends AppError<C> {
  constructor(
    code: C,
    details: ErrorDetails<C>,
    readonly audit: AuditEntry[],
  ) {
    // the details are typed by the constructor's signature; AppError's own options type cannot be
    // spelled for a generic code
    super(...([code, { details }] as unknown as ConstructorParameters<typeof AppError<C>>));
  }
}

/**
 * Runs `work` (typically a `withTransaction`); when it throws an `AuditedRefusal`, records the refusal's
 * audit rows through `ctx` — outside the rolled-back transaction — then throws it on. Call it with the
 * outer context, never with a transaction's.
 * @public
 */
export async function auditRefusals<T>(ctx: Ctx, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AuditedRefusal) await recordAudit(ctx, error.audit);
    throw error;
  }
}
