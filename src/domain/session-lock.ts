/**
 * The staff console locks after a period without activity (SEC-1). A session is locked when it was
 * locked explicitly, or when its last activity is older than the practice's delay.
 */
export function isSessionLocked(
  session: { lockedAt: Date | null; lastActiveAt: Date },
  autoLockSeconds: number,
  now: Date,
): boolean {
  if (session.lockedAt) return true;
  return now.getTime() - session.lastActiveAt.getTime() >= autoLockSeconds * 1000;
}
