import type { FirstAdminInput, SetupInfo } from '../../../contracts/setup';
import type { AppDeps } from '../../context';
import { AppError } from '../../errors';
import { addressKey } from '../auth/address-key';
import { hashPassword } from '../auth/passwords';
import { takeTokensOrThrow } from '../auth/rate-limit';
import { createSession } from '../auth/sessions';
import { createFirstPractice, setupDone } from './create-first-practice';
import { checkSetupLink, forgetSetupLink } from './setup-link';

/** Tries of the setup link per address: the token cannot be guessed, this only bounds the work. */
const setupTriesPerIp = { max: 20, windowMs: 60 * 60_000 };

async function liveLink(deps: AppDeps, token: string, ip: string | null): Promise<Date> {
  const now = deps.clock.now();
  await takeTokensOrThrow(deps.db, [{ key: `setup:ip:${addressKey(ip)}`, limit: setupTriesPerIp }], now);
  const expiresAt = await checkSetupLink(deps.config.dataDir, token, now);
  // once a practice exists the link is spent, whatever the file says
  if (!expiresAt || (await setupDone(deps))) throw new AppError('INVITATION_INVALID');
  return expiresAt;
}

/** Whether the first-administrator link still works, for the page to show its form or say why not. */
export async function inspectSetupLink(deps: AppDeps, token: string, ip: string | null): Promise<SetupInfo> {
  const expiresAt = await liveLink(deps, token, ip);
  return { expiresAt: expiresAt.toISOString() };
}

/**
 * Creates the first practice and its administrator from the one-time link, forgets the link and signs
 * the administrator in. The link works once: creating requires that no practice exists, checked under
 * a table lock, so two uses at once give one practice and one 410.
 */
export async function completeSetup(
  deps: AppDeps,
  input: FirstAdminInput & { ip: string | null; userAgent: string | null; requestId: string },
): Promise<{
  token: string;
  expiresAt: Date;
  member: { staffId: string; practiceId: string; role: 'admin' };
}> {
  await liveLink(deps, input.token, input.ip);
  const { token: _token, password, ip, userAgent, requestId, ...practice } = input;
  const passwordHash = await hashPassword(password);
  const created = await createFirstPractice(deps, { ...practice, passwordHash }, { requestId, ip });
  if (!created) throw new AppError('INVITATION_INVALID');
  await forgetSetupLink(deps.config.dataDir);
  const session = await createSession(deps, 'staff', {
    practiceId: created.practiceId,
    staffId: created.staffId,
    userAgent,
    ip,
  });
  return {
    token: session.token,
    expiresAt: session.expiresAt,
    member: { staffId: created.staffId, practiceId: created.practiceId, role: 'admin' },
  };
}
