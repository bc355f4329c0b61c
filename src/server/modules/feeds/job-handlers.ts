import type { AppDeps } from '../../context';
import type { JobHandler } from '../../jobs/scheduled-jobs';
import { exportPlanning } from './export-planning';
import { planningExportKind, schedulePlanningExports } from './schedule-planning-exports';

/**
 * Scheduled work of calendar exports.
 * @public
 */
export const feedJobHandlers: Record<string, JobHandler> = {
  [planningExportKind]: async (deps, job) => {
    if (!job.practiceId) throw new Error('planning_export job without a practice');
    await exportPlanning(deps, job.practiceId);
  },
};

/**
 * Called about once an hour by every server instance: schedules recurring work (idempotent keys).
 * @public
 */
export const feedSchedulers: ((deps: AppDeps) => Promise<void>)[] = [schedulePlanningExports];
