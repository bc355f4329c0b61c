import type { Lang } from '../contracts/i18n/lang';
import type { Config } from './config';
import type { Db } from './db/client';
import type { StaffRole } from './db/schema';
import type { FileStorage } from './files/file-storage';
import type { LiveBus } from './live/live-bus';
import type { Transports } from './modules/outbox/transports';

/** What the server is built from; tests build it with an in-memory database and a fake clock. */
export interface AppDeps {
  config: Config;
  db: Db;
  dbKind: 'pglite' | 'postgres';
  clock: Clock;
  transports: Transports;
  /** Wakes the outbox drainer after a message is queued (no-op when jobs are off). */
  kickOutbox: () => void;
  migrationState: () => Promise<{ applied: number; expected: number }>;
  /** Live agenda updates between consoles (and server instances). */
  live: LiveBus;
  /** Stored files (attachments, documents), encrypted at rest; authorization is the caller's job. */
  files: FileStorage;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export type Actor =
  | { kind: 'staff'; staffId: string; role: StaffRole }
  | { kind: 'patient'; phone: string; patientId: string; sessionId: string }
  | { kind: 'public' }
  | { kind: 'system' };

/**
 * Everything a use case needs to know about the caller: the practice every query is scoped to, who
 * acts (for permissions and the audit trail), the request id, the language for messages.
 */
export interface Ctx {
  deps: AppDeps;
  db: Db;
  practiceId: string;
  actor: Actor;
  requestId: string;
  ip: string | null;
  lang: Lang;
  now: Date;
}

/** Builds a context outside a route's guard (sign-in steps, jobs). */
export function makeCtx(
  deps: AppDeps,
  fields: { practiceId: string; actor: Actor; requestId?: string; ip?: string | null; lang?: Lang; db?: Db },
): Ctx {
  return {
    deps,
    db: fields.db ?? deps.db,
    practiceId: fields.practiceId,
    actor: fields.actor,
    requestId: fields.requestId ?? 'system',
    ip: fields.ip ?? null,
    lang: fields.lang ?? 'fr',
    now: deps.clock.now(),
  };
}

/**
 * Runs work in one transaction with a context whose `db` is the transaction, so everything the work
 * calls — checks, audit, history — reads and writes inside it. (Using the outer `db` inside a
 * transaction would not see its writes, and on the single-connection PGlite would wait forever.)
 */
export function withTransaction<T>(ctx: Ctx, work: (tx: Ctx) => Promise<T>): Promise<T> {
  return ctx.db.transaction((db) => work({ ...ctx, db }));
}
