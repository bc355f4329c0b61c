import { chmod, lstat, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** What `secureDataDir` found and changed. */
export interface DataDirReport {
  directories: number;
  files: number;
  /** entries whose mode was tightened */
  fixed: number;
  ms: number;
}

/**
 * The data directory holds the embedded database (patients' names sit in its WAL segments), the stored
 * files and the keys: only the server's own user may read it. Start-up sets `umask 077` so everything
 * created from then on is private (PGlite creates its files with the process umask), then this makes the
 * directory `0700` and repairs what an older version or another umask left behind: directories `0700`,
 * files `0600`. Symbolic links are neither followed nor changed (a link could point outside).
 */
export async function secureDataDir(dir: string): Promise<DataDirReport> {
  const startedAt = performance.now();
  const report: DataDirReport = { directories: 0, files: 0, fixed: 0, ms: 0 };
  await mkdir(dir, { recursive: true, mode: 0o700 });

  const visit = async (path: string): Promise<void> => {
    const info = await lstat(path);
    if (info.isSymbolicLink()) return;
    const wanted = info.isDirectory() ? 0o700 : 0o600;
    if ((info.mode & 0o777) !== wanted) {
      await chmod(path, wanted);
      report.fixed += 1;
    }
    if (!info.isDirectory()) {
      report.files += 1;
      return;
    }
    report.directories += 1;
    for (const name of await readdir(path)) await visit(join(path, name));
  };
  await visit(dir);
  report.ms = Math.round(performance.now() - startedAt);
  return report;
}

/** The umask start-up sets before opening anything: new files `0600`, new directories `0700`. */
export const privateUmask = 0o077;
