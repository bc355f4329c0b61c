import { isoOfDay } from '../../../domain/time/local-date';
import type { AppDeps } from '../../context';
import { practices } from '../../db/schema';
import { scheduleJob } from '../../jobs/scheduled-jobs';
import { localDayAt } from './planning-day';

export const planningExportKind = 'planning_export';
/** 02:00 local: the practice is closed and the day's changes are in. */
const exportMinute = 2 * 60;

/** The next 02:00 in the zone strictly after `now`, with its local day. */
export function nextExportTime(timeZone: string, now: Date): { day: string; runAt: Date } {
  const today = localDayAt(timeZone, now);
  const tonight = today.at(0, exportMinute);
  if (tonight.getTime() > now.getTime()) return { day: today.iso, runAt: tonight };
  return { day: isoOfDay(today.day + 1), runAt: today.at(1, exportMinute) };
}

/**
 * Schedules each practice's next planning export at 02:00 in its own zone. Every server instance calls
 * it about once an hour; the unique key (practice and local day) makes the job exist once, however many
 * instances, restarts or calls. A job missed while every server was down runs as soon as one starts.
 */
export async function schedulePlanningExports(deps: AppDeps): Promise<void> {
  const now = deps.clock.now();
  const all = await deps.db.select({ id: practices.id, timeZone: practices.timeZone }).from(practices);
  const failures: unknown[] = [];
  for (const practice of all) {
    try {
      const next = nextExportTime(practice.timeZone, now);
      await scheduleJob(deps.db, {
        kind: planningExportKind,
        practiceId: practice.id,
        runAt: next.runAt,
        payload: { day: next.day },
        uniqueKey: `${planningExportKind}:${practice.id}:${next.day}`,
      });
    } catch (error) {
      // one practice with a broken zone must not stop the others' backups
      failures.push(error);
    }
  }
  if (failures.length > 0) throw new AggregateError(failures, 'some planning exports were not scheduled');
}
