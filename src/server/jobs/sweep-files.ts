import { inArray } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { AppDeps } from '../context';
import { documentSignatures, documents, messageAttachments, messageTemplates } from '../db/schema';

const hour = 3_600_000;

/**
 * Every column that holds the key of a stored file. A stored file none of them names is an orphan: an
 * upload whose row was never written (a crash between the two, a refused transaction) or whose row was
 * deleted without its file. `tests/api/file-sweep.test.ts` fails when a `*file_key` column is missing.
 */
export const fileKeyColumns: readonly { table: string; column: AnyPgColumn }[] = [
  { table: 'documents', column: documents.fileKey },
  { table: 'document_signatures', column: documentSignatures.signedFileKey },
  { table: 'message_attachments', column: messageAttachments.fileKey },
  { table: 'message_templates', column: messageTemplates.attachmentFileKey },
];

/** How long a stored file may wait for its row: far longer than any upload's transaction. */
export const orphanGraceMs = 24 * hour;
/** A half-written upload (`files/tmp/*.part`) older than this belongs to no running request. */
export const unfinishedUploadGraceMs = hour;

export interface FileSweep {
  temporaryRemoved: number;
  orphansRemoved: number;
  /** stored files examined (older than the grace period) */
  examined: number;
}

/** The keys among `keys` that some row refers to. */
async function referencedKeys(deps: AppDeps, keys: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const { column } of fileKeyColumns) {
    const rows = await deps.db.select({ key: column }).from(column.table).where(inArray(column, keys));
    for (const row of rows) if (typeof row.key === 'string') found.add(row.key);
  }
  return found;
}

/**
 * Removes half-written uploads, then stored files that no row refers to. Safe by construction: a file is
 * deleted only when it is older than the grace period **and** no column of `fileKeyColumns` names it,
 * checked just before deleting; rows are only ever written after their file, so a file younger than
 * the grace period is never judged. Runs at start-up and with the hourly housekeeping.
 */
export async function sweepFiles(
  deps: AppDeps,
  options: { orphanGraceMs?: number; unfinishedGraceMs?: number; batchSize?: number } = {},
): Promise<FileSweep> {
  const now = deps.clock.now();
  const temporaryRemoved = await deps.files.sweepTemporaryFiles(
    now,
    options.unfinishedGraceMs ?? unfinishedUploadGraceMs,
  );
  const cutoff = now.getTime() - (options.orphanGraceMs ?? orphanGraceMs);
  const batchSize = options.batchSize ?? 500;
  let examined = 0;
  let orphansRemoved = 0;
  let batch: string[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const referenced = await referencedKeys(deps, batch);
    for (const key of batch) {
      if (referenced.has(key)) continue;
      if (await deps.files.delete(key)) orphansRemoved += 1;
    }
    batch = [];
  };
  for await (const stored of deps.files.list()) {
    if (stored.modifiedAt.getTime() >= cutoff) continue;
    examined += 1;
    batch.push(stored.key);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return { temporaryRemoved, orphansRemoved, examined };
}
