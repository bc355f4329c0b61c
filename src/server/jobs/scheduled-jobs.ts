import { eq, sql } from 'drizzle-orm';
import type { AppDeps } from '../context';
import type { Db } from '../db/client';
import { jobs } from '../db/schema';
import { safeErrorMessage } from '../safe-error';

export type JobRow = typeof jobs.$inferSelect;
export type JobHandler = (deps: AppDeps, job: JobRow) => Promise<void>;

export interface NewJob {
  kind: string;
  runAt: Date;
  practiceId?: string | null;
  payload?: Record<string, unknown>;
  /** the same key is scheduled once, however many times this is called */
  uniqueKey?: string;
}

const maxAttempts = 5;
const claimMs = 5 * 60_000;

/** Schedules work; call it in the transaction of the change that needs it. */
export async function scheduleJob(db: Db, job: NewJob): Promise<void> {
  await db
    .insert(jobs)
    .values({
      kind: job.kind,
      runAt: job.runAt,
      practiceId: job.practiceId ?? null,
      payload: job.payload ?? {},
      uniqueKey: job.uniqueKey ?? null,
    })
    .onConflictDoNothing({ target: jobs.uniqueKey });
}

/** Schedules many jobs in one statement; keys already scheduled are skipped. */
export async function scheduleJobs(db: Db, list: NewJob[]): Promise<void> {
  if (list.length === 0) return;
  await db
    .insert(jobs)
    .values(
      list.map((job) => ({
        kind: job.kind,
        runAt: job.runAt,
        practiceId: job.practiceId ?? null,
        payload: job.payload ?? {},
        uniqueKey: job.uniqueKey ?? null,
      })),
    )
    .onConflictDoNothing({ target: jobs.uniqueKey });
}

/**
 * Runs what is due. Jobs are claimed with FOR UPDATE SKIP LOCKED, so several server instances share the
 * work and none runs a job twice; a job whose server died is claimable again after 5 minutes. A failed
 * job is retried with back-off (1, 2, 4, 8 minutes), then kept as failed with its error.
 */
export async function runDueJobs(
  deps: AppDeps,
  handlers: Record<string, JobHandler>,
  batchSize = 10,
): Promise<number> {
  const now = deps.clock.now();
  const claimed = await deps.db.transaction(async (tx) => {
    const due = await tx
      .select({ id: jobs.id })
      .from(jobs)
      .where(
        sql`(${jobs.status} = 'pending' and ${jobs.runAt} <= ${now}) or (${jobs.status} = 'running' and ${jobs.lockedUntil} < ${now})`,
      )
      .orderBy(jobs.runAt)
      .limit(batchSize)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(jobs)
      .set({
        status: 'running',
        attempts: sql`${jobs.attempts} + 1`,
        lockedUntil: new Date(now.getTime() + claimMs),
      })
      .where(
        sql`${jobs.id} in (${sql.join(
          due.map((row) => sql`${row.id}`),
          sql`, `,
        )})`,
      )
      .returning();
  });
  for (const job of claimed) {
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(deps, job);
      await deps.db
        .update(jobs)
        .set({ status: 'done', doneAt: deps.clock.now(), lockedUntil: null, lastError: null })
        .where(eq(jobs.id, job.id));
    } catch (error) {
      const exhausted = job.attempts >= maxAttempts;
      await deps.db
        .update(jobs)
        .set({
          status: exhausted ? 'failed' : 'pending',
          lockedUntil: null,
          lastError: error instanceof Error ? safeErrorMessage(error).slice(0, 500) : 'job failed',
          runAt: new Date(deps.clock.now().getTime() + 60_000 * 2 ** Math.max(0, job.attempts - 1)),
        })
        .where(eq(jobs.id, job.id));
    }
  }
  return claimed.length;
}
