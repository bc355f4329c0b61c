import type { AppDeps } from '../../context';
import { resolveStaffSession } from './sessions';

/**
 * Whether a staff live stream may keep sending: the same rule as the guard for an ordinary route — an
 * active session (not signed out, expired, removed or locked) whose member is not held at the mandatory
 * two-step enrolment. Asked at every event and heartbeat, as a background call (it does not keep the
 * session awake), so a session that locks or falls under the enrolment rule stops hearing at once.
 * @public
 */
export async function staffStreamAllowed(deps: AppDeps, token: string): Promise<boolean> {
  const state = await resolveStaffSession(deps, token, { background: true }).catch(() => null);
  return state?.kind === 'active' && !state.mfaEnrolmentRequired;
}
