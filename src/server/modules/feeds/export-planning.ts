import { join } from 'node:path';
import { isoOfDay } from '../../../domain/time/local-date';
import { type AppDeps, makeCtx } from '../../context';
import { recordAudit } from '../audit/record-audit';
import { findPracticeById } from '../practice/find-practice';
import { ensureExportFolder, pruneExports, writeFileAtomically } from './export-files';
import { planningCalendar } from './planning-calendar';
import { planningCsv } from './planning-csv';
import { localDayAt } from './planning-day';
import { loadPlanningEntries } from './planning-entries';

/** Days of planning in each export, and days an export is kept. */
export const exportDays = 30;
export const keptDays = 30;
const safeSlug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface PlanningExport {
  day: string;
  folder: string;
  files: string[];
  appointments: number;
  deleted: string[];
}

/** `<dataDir>/exports/<practice-slug>`, or the practice's id should its slug ever be unfit for a path. */
export function exportFolder(dataDir: string, practice: { id: string; slug: string }): string {
  return join(dataDir, 'exports', safeSlug.test(practice.slug) ? practice.slug : practice.id);
}

/**
 * The practice's daily copy of its planning, kept on its own machine (SEC-4; the Order advises “une copie
 * de secours de son planning … à une cadence journalière”): the live appointments of every practitioner
 * over the next 30 local days, as `planning-YYYY-MM-DD.csv` (for a spreadsheet) and `.ics` (for any
 * calendar), patients shown as the practice allows. Files are replaced atomically, so running twice the
 * same day is harmless; exports older than 30 days are deleted. Each export is audited.
 */
export async function exportPlanning(deps: AppDeps, practiceId: string): Promise<PlanningExport> {
  const practice = await findPracticeById(deps.db, practiceId);
  const ctx = makeCtx(deps, { practiceId, actor: { kind: 'system' }, requestId: 'job:planning_export' });
  const today = localDayAt(practice.timeZone, ctx.now, exportDays + 2);
  const entries = await loadPlanningEntries(
    ctx,
    { from: today.at(0), to: today.at(exportDays) },
    practice.feedPatientDetail,
  );

  const folder = exportFolder(deps.config.dataDir, practice);
  await ensureExportFolder(folder);
  const base = `planning-${today.iso}`;
  await writeFileAtomically(join(folder, `${base}.csv`), planningCsv(entries, practice.timeZone));
  await writeFileAtomically(
    join(folder, `${base}.ics`),
    planningCalendar(entries, { name: `${practice.name} – planning`, withPractitioner: true }),
  );
  const deleted = await pruneExports(folder, isoOfDay(today.day - keptDays), ctx.now);

  const files = [`${base}.csv`, `${base}.ics`];
  await recordAudit(ctx, {
    action: 'planning.export',
    entity: 'practice',
    entityId: practice.id,
    details: {
      day: today.iso,
      files,
      appointments: entries.length,
      patientDetail: practice.feedPatientDetail,
      ...(deleted.length > 0 ? { deleted } : {}),
    },
  });
  return { day: today.iso, folder, files, appointments: entries.length, deleted };
}
