import type { Ctx } from '../../context';
import { auditLog } from '../../db/schema';

export interface AuditEntry {
  /** verb-like name: patient.read, patient.update, staff.sign_in… */
  action: string;
  entity: string;
  entityId?: string | null;
  patientId?: string | null;
  details?: Record<string, unknown>;
}

/**
 * Appends audit rows (SEC-2) through the context's `db`: inside `withTransaction`, that is the
 * transaction of the read or change it records, so both commit or neither does.
 * @public
 */
export async function recordAudit(ctx: Ctx, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  const actorId =
    ctx.actor.kind === 'staff' ? ctx.actor.staffId : ctx.actor.kind === 'patient' ? ctx.actor.phone : null;
  await ctx.db.insert(auditLog).values(
    list.map((entry) => ({
      practiceId: ctx.practiceId,
      at: ctx.now,
      actorKind: ctx.actor.kind,
      actorId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      patientId: entry.patientId ?? null,
      requestId: ctx.requestId,
      ip: ctx.ip,
      details: entry.details ?? null,
    })),
  );
}
