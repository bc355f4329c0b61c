import { type AppDeps, makeCtx } from '../../context';
import { AppError } from '../../errors';
import { scheduleAppReminders } from '../app-reminders/schedule-app-reminders';
import { recordAudit } from '../audit/record-audit';
import { consumeCode } from '../auth/one-time-codes';
import { createSession } from '../auth/sessions';

/** Second step of the patient sign-in: a right code opens a session bound to the verified phone. */
export async function verifyPatientCode(
  deps: AppDeps,
  input: {
    challengeId: string;
    code: string;
    ip: string | null;
    userAgent: string | null;
    requestId: string;
  },
): Promise<{ token: string; expiresAt: Date }> {
  const challenge = await consumeCode(deps, input.challengeId, 'app_sign_in', input.code);
  if (!challenge.patientId) throw new AppError('CODE_EXPIRED');
  const session = await createSession(deps, 'patient', {
    practiceId: challenge.practiceId,
    patientPhone: challenge.phone,
    patientId: challenge.patientId,
    userAgent: input.userAgent,
    ip: input.ip,
  });
  const ctx = makeCtx(deps, {
    practiceId: challenge.practiceId,
    actor: {
      kind: 'patient',
      phone: challenge.phone,
      patientId: challenge.patientId,
      sessionId: session.sessionId,
    },
    requestId: input.requestId,
    ip: input.ip,
  });
  await recordAudit(ctx, {
    action: 'patient.sign_in',
    entity: 'session',
    patientId: challenge.patientId,
  });
  // a phone new to the app gets its reminders for the appointments already booked
  await scheduleAppReminders(deps.db, ctx.now, { practiceId: challenge.practiceId, phone: challenge.phone });
  return { token: session.token, expiresAt: session.expiresAt };
}
