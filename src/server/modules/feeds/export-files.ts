import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const exportName = /^planning-(\d{4}-\d{2}-\d{2})\.(csv|ics)$/;
const tempName = /^\.planning-.+\.tmp$/;
const dayMs = 86_400_000;

/** A folder for the practice's exports, readable by the server's user only (it holds patient names). */
export async function ensureExportFolder(path: string): Promise<void> {
  await mkdir(path, { recursive: true, mode: 0o700 });
}

/**
 * Writes a file so that a reader (a backup tool, a person opening it) sees the old file or the whole new
 * one, never half of it: the content goes to a temporary file in the same folder, is flushed to disk,
 * then renamed over the target in one step.
 */
export async function writeFileAtomically(path: string, content: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * Deletes the exports dated before `oldestKeptDay` (YYYY-MM-DD), by the date in their name (a copied or
 * restored file keeps its name, not its modification time), and temporary files a crash left behind.
 * Nothing else in the folder is touched. Returns the names deleted.
 */
export async function pruneExports(folder: string, oldestKeptDay: string, now: Date): Promise<string[]> {
  const deleted: string[] = [];
  for (const name of await readdir(folder)) {
    const day = exportName.exec(name)?.[1];
    let stale = day !== undefined && day < oldestKeptDay;
    if (!stale && tempName.test(name)) {
      const info = await stat(join(folder, name)).catch(() => null);
      stale = info !== null && now.getTime() - info.mtimeMs > dayMs;
    }
    if (stale) {
      await rm(join(folder, name), { force: true });
      deleted.push(name);
    }
  }
  return deleted;
}
