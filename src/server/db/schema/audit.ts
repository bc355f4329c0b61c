import { bigserial, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { practices } from './practice';

export type ActorKind = 'staff' | 'patient' | 'public' | 'system';

/**
 * Who read or changed what, when (SEC-2). Rows are appended in the same transaction as the read or
 * change they record, and never updated.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    at: createdAt(),
    actorKind: text().$type<ActorKind>().notNull(),
    actorId: text(),
    action: text().notNull(),
    patientId: uuid(),
    entity: text().notNull(),
    entityId: text(),
    requestId: text(),
    ip: text(),
    details: jsonb().$type<Record<string, unknown>>(),
  },
  (t) => [
    index('audit_log_practice_at_idx').on(t.practiceId, t.at),
    index('audit_log_patient_idx').on(t.practiceId, t.patientId, t.at),
  ],
);
