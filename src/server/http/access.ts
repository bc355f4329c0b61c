import type { StaffRole } from '../db/schema';

/**
 * Who may call a route. Every `/api` route must declare one in `config.access`; the server refuses to
 * start otherwise, so no route is public by accident.
 */
export type Access =
  | { kind: 'public' }
  /**
   * A staff session; `roles` narrows it; `allowLocked` lets a locked session through (unlock, sign-out);
   * `allowBeforeMfaEnrolment` lets through a member who must still enrol a second factor (enrolment).
   */
  | { kind: 'staff'; roles?: readonly StaffRole[]; allowLocked?: boolean; allowBeforeMfaEnrolment?: boolean }
  /**
   * A patient session (the family of a verified phone). A session whose patient has since asked not
   * to share their data through the app (SEC-3) is refused, unless `allowOptedOut` (sign-out).
   */
  | { kind: 'patient'; allowOptedOut?: boolean };

export const publicAccess: Access = { kind: 'public' };
export const anyStaff: Access = { kind: 'staff' };
export const adminOnly: Access = { kind: 'staff', roles: ['admin'] };
export const patientAccess: Access = { kind: 'patient' };
/** Signing out works even for a session whose patient opted out of the app. */
export const patientSignOutAccess: Access = { kind: 'patient', allowOptedOut: true };

export interface StaffAuth {
  sessionId: string;
  staffId: string;
  practiceId: string;
  role: StaffRole;
  /** The session is locked (only routes with `allowLocked` see this). */
  locked: boolean;
}

export interface PatientAuth {
  sessionId: string;
  practiceId: string;
  phone: string;
  patientId: string;
}
