import { and, eq, isNull, sql } from 'drizzle-orm';
import { isSessionLocked } from '../../../domain/session-lock';
import type { AppDeps } from '../../context';
import type { StaffRole } from '../../db/schema';
import { patients, practices, sessions, staff } from '../../db/schema';
import { hashToken, newToken } from './tokens';

/** @public */
export const sessionCookies = { staff: 'sourire_staff', patient: 'sourire_patient' } as const;

export const sessionLifetimes = {
  /** A staff session lasts a working day at most, locked or not. */
  staffMs: 12 * 3600_000,
  /** A patient stays signed in on their phone while they use the app at least every 90 days. */
  patientMs: 90 * 24 * 3600_000,
} as const;

/** Activity and last-seen stamps are written at most this often, to spare a write per request. */
const touchEveryMs = 5_000;

interface NewSession {
  practiceId: string;
  staffId?: string;
  patientPhone?: string;
  patientId?: string;
  userAgent: string | null;
  ip: string | null;
}

/**
 * Creates a session and returns the token for the cookie (only its hash is stored).
 * @public
 */
export async function createSession(
  deps: AppDeps,
  kind: 'staff' | 'patient',
  session: NewSession,
): Promise<{ token: string; expiresAt: Date; sessionId: string }> {
  const now = deps.clock.now();
  const token = newToken();
  const expiresAt = new Date(
    now.getTime() + (kind === 'staff' ? sessionLifetimes.staffMs : sessionLifetimes.patientMs),
  );
  const sessionId = hashToken(token);
  await deps.db.insert(sessions).values({
    id: sessionId,
    kind,
    practiceId: session.practiceId,
    staffId: session.staffId ?? null,
    patientPhone: session.patientPhone ?? null,
    patientId: session.patientId ?? null,
    createdAt: now,
    lastSeenAt: now,
    lastActiveAt: now,
    expiresAt,
    userAgent: session.userAgent?.slice(0, 300) ?? null,
    ip: session.ip,
  });
  return { token, expiresAt, sessionId };
}

interface StaffIdentity {
  sessionId: string;
  staffId: string;
  practiceId: string;
  role: StaffRole;
  /** The practice requires two-factor sign-in and this member has not enrolled yet. */
  mfaEnrolmentRequired: boolean;
}

export type StaffSessionState =
  | { kind: 'none' }
  | ({ kind: 'locked' } & StaffIdentity)
  | ({ kind: 'active' } & StaffIdentity);

/**
 * Reads a staff session from its cookie token. Expired, revoked or removed-staff sessions are `none`;
 * an inactive one becomes locked (and stays locked until the password is given again).
 * @public
 */
export async function resolveStaffSession(
  deps: AppDeps,
  token: string,
  options: { background: boolean },
): Promise<StaffSessionState> {
  const now = deps.clock.now();
  const sessionId = hashToken(token);
  const [row] = await deps.db
    .select({
      staffId: sessions.staffId,
      practiceId: sessions.practiceId,
      expiresAt: sessions.expiresAt,
      revokedAt: sessions.revokedAt,
      lockedAt: sessions.lockedAt,
      lastActiveAt: sessions.lastActiveAt,
      lastSeenAt: sessions.lastSeenAt,
      role: staff.role,
      removedAt: staff.removedAt,
      autoLockSeconds: practices.autoLockSeconds,
      staffMfaRequired: practices.staffMfaRequired,
      totpEnabledAt: staff.totpEnabledAt,
    })
    .from(sessions)
    .innerJoin(staff, eq(staff.id, sessions.staffId))
    .innerJoin(practices, eq(practices.id, sessions.practiceId))
    .where(and(eq(sessions.id, sessionId), eq(sessions.kind, 'staff')));
  if (!row?.staffId || row.revokedAt || row.removedAt || row.expiresAt <= now) return { kind: 'none' };
  const identity: StaffIdentity = {
    sessionId,
    staffId: row.staffId,
    practiceId: row.practiceId,
    role: row.role,
    mfaEnrolmentRequired: row.staffMfaRequired && !row.totpEnabledAt,
  };
  if (isSessionLocked(row, row.autoLockSeconds, now)) {
    if (!row.lockedAt) {
      await deps.db.update(sessions).set({ lockedAt: now }).where(eq(sessions.id, sessionId));
    }
    return { kind: 'locked', ...identity };
  }
  const stale = now.getTime() - row.lastSeenAt.getTime() > touchEveryMs;
  const activeStale = !options.background && now.getTime() - row.lastActiveAt.getTime() > touchEveryMs;
  if (stale || activeStale) {
    await deps.db
      .update(sessions)
      .set(activeStale ? { lastSeenAt: now, lastActiveAt: now } : { lastSeenAt: now })
      .where(eq(sessions.id, sessionId));
  }
  return { kind: 'active', ...identity };
}

export type PatientSessionState =
  | { kind: 'none' }
  | {
      kind: 'active';
      sessionId: string;
      practiceId: string;
      phone: string;
      patientId: string;
      /** the signed-in patient asked since not to share their data through the app (SEC-3) */
      optedOut: boolean;
    };

/**
 * Reads a patient session; each use pushes its expiry 90 days ahead (sliding).
 * @public
 */
export async function resolvePatientSession(deps: AppDeps, token: string): Promise<PatientSessionState> {
  const now = deps.clock.now();
  const sessionId = hashToken(token);
  const [found] = await deps.db
    .select({ session: sessions, optedOut: patients.appOptOut })
    .from(sessions)
    .leftJoin(patients, eq(patients.id, sessions.patientId))
    .where(and(eq(sessions.id, sessionId), eq(sessions.kind, 'patient')));
  const row = found?.session;
  if (!row?.patientPhone || !row.patientId || row.revokedAt || row.expiresAt <= now) return { kind: 'none' };
  if (now.getTime() - row.lastSeenAt.getTime() > touchEveryMs) {
    await deps.db
      .update(sessions)
      .set({
        lastSeenAt: now,
        lastActiveAt: now,
        expiresAt: new Date(now.getTime() + sessionLifetimes.patientMs),
      })
      .where(eq(sessions.id, sessionId));
  }
  return {
    kind: 'active',
    sessionId,
    practiceId: row.practiceId,
    phone: row.patientPhone,
    patientId: row.patientId,
    optedOut: found?.optedOut ?? false,
  };
}

/** @public */
export async function revokeSession(deps: AppDeps, sessionId: string): Promise<void> {
  await deps.db
    .update(sessions)
    .set({ revokedAt: deps.clock.now() })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

/**
 * Locks a staff session now (the console asks for it when its own inactivity timer fires).
 * @public
 */
export async function lockSession(deps: AppDeps, sessionId: string): Promise<void> {
  await deps.db
    .update(sessions)
    .set({ lockedAt: sql`coalesce(${sessions.lockedAt}, ${deps.clock.now()})` })
    .where(eq(sessions.id, sessionId));
}

/** @public */
export async function unlockSession(deps: AppDeps, sessionId: string): Promise<void> {
  const now = deps.clock.now();
  await deps.db
    .update(sessions)
    .set({ lockedAt: null, lastActiveAt: now, lastSeenAt: now })
    .where(eq(sessions.id, sessionId));
}
