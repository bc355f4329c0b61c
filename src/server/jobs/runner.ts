import type { FastifyBaseLogger } from 'fastify';
import type { AppDeps } from '../context';
import { drainOutbox } from '../modules/outbox/drain-outbox';
import { safeError } from '../safe-error';
import { jobHandlers, recurringSchedulers } from './handlers';
import { housekeeping } from './housekeeping';
import { runDueJobs } from './scheduled-jobs';

export interface JobRunner {
  /** Runs the outbox drain as soon as possible (a message was just queued). */
  kick(): void;
  /** Stops after the current pass. */
  stop(): Promise<void>;
}

const pollMs = 2_000;
const housekeepingEveryMs = 3600_000;

/**
 * The background loop of one server instance: runs due scheduled jobs, drains the outbox, and runs
 * housekeeping. Each pass is
 * safe alongside other instances (rows are claimed with SKIP LOCKED), so any number may run.
 */
export function startJobRunner(deps: AppDeps, log: FastifyBaseLogger): JobRunner {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  let again = false;
  let lastHousekeeping = 0;

  const pass = async () => {
    try {
      while ((await runDueJobs(deps, jobHandlers)) > 0 && !stopped) {
        // scheduled work first: it may queue messages
      }
      while ((await drainOutbox(deps)) > 0 && !stopped) {
        // keep draining while batches come back
      }
      if (Date.now() - lastHousekeeping > housekeepingEveryMs) {
        lastHousekeeping = Date.now();
        await housekeeping(deps);
        for (const schedule of recurringSchedulers) await schedule(deps);
      }
    } catch (error) {
      log.error({ err: safeError(error) }, 'background job pass failed');
    }
  };

  const schedule = (delay: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, delay);
  };

  const run = () => {
    timer = null;
    if (running) {
      again = true;
      return;
    }
    running = pass().finally(() => {
      running = null;
      schedule(again ? 0 : pollMs);
      again = false;
    });
  };

  schedule(0);
  return {
    kick: () => schedule(0),
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
