import type { Lang } from '../../../contracts/i18n/lang';
import type { CodeChallenge } from '../../../contracts/patient-auth';
import { codeRules } from '../../../domain/one-time-code';
import { maskPhone } from '../../../domain/phone';
import type { AppDeps } from '../../context';
import type { Db } from '../../db/client';
import type { CodePurpose } from '../../db/schema';
import { signInCodeSms } from '../../messages/templates';
import { enqueueMessage } from '../outbox/enqueue-message';
import type { Practice } from '../practice/find-practice';
import { findPracticeById } from '../practice/find-practice';
import { issueCode, reissueCode } from './one-time-codes';

function challengeOf(challengeId: string, phone: string): CodeChallenge {
  return {
    challengeId,
    maskedPhone: maskPhone(phone),
    resendAfterSeconds: codeRules.resendAfterMs / 1000,
    expiresInSeconds: codeRules.ttlMs / 1000,
  };
}

/** The SMS carrying a code: the sign-in wording unless the purpose has its own (a signature, a link). */
export type CodeSmsText = (code: string) => string;

/**
 * Issues a 6-digit code and queues its SMS in one transaction (patient sign-in, online booking,
 * signatures, secure links). The caller has checked the identity and the send limits. `bind` writes,
 * in the same transaction, what the code is for (the document a signature code may sign).
 * @public
 */
export async function sendCode(
  deps: AppDeps,
  input: {
    practice: Practice;
    phone: string;
    purpose: CodePurpose;
    patientId: string | null;
    ip: string | null;
    lang: Lang;
    claim?: { lastName: string; firstName: string; birthDate: string };
    smsText?: CodeSmsText;
    bind?: (tx: Db, challengeId: string) => Promise<void>;
  },
): Promise<CodeChallenge> {
  const now = deps.clock.now();
  const challengeId = await deps.db.transaction(async (tx) => {
    const issued = await issueCode(
      tx,
      deps.config.sessionSecret,
      {
        practiceId: input.practice.id,
        purpose: input.purpose,
        phone: input.phone,
        patientId: input.patientId,
        ip: input.ip,
        ...(input.claim ? { claim: input.claim } : {}),
      },
      now,
    );
    await input.bind?.(tx, issued.challengeId);
    await enqueueMessage(
      tx,
      {
        practiceId: input.practice.id,
        channel: 'sms',
        recipient: input.phone,
        kind: `${input.purpose}_code`,
        body:
          input.smsText?.(issued.code) ??
          signInCodeSms(input.lang, { practice: input.practice.name, code: issued.code }),
        sensitive: true,
        patientId: input.patientId,
        idempotencyKey: `code:${issued.challengeId}:${now.getTime()}`,
      },
      now,
    );
    return issued.challengeId;
  });
  deps.kickOutbox();
  return challengeOf(challengeId, input.phone);
}

/**
 * "Resend the code": a new code for the same challenge, 60 s after the previous one at the earliest.
 * @public
 */
export async function resendCode(
  deps: AppDeps,
  input: {
    challengeId: string;
    purpose: CodePurpose;
    ip: string | null;
    lang: Lang;
    smsText?: CodeSmsText;
  },
): Promise<CodeChallenge> {
  const now = deps.clock.now();
  const challenge = await deps.db.transaction(async (tx) => {
    const { challenge, code } = await reissueCode(
      tx,
      deps.config.sessionSecret,
      input.challengeId,
      input.purpose,
      input.ip,
      now,
    );
    const practice = await findPracticeById(tx, challenge.practiceId);
    await enqueueMessage(
      tx,
      {
        practiceId: practice.id,
        channel: 'sms',
        recipient: challenge.phone,
        kind: `${input.purpose}_code`,
        body: input.smsText?.(code) ?? signInCodeSms(input.lang, { practice: practice.name, code }),
        sensitive: true,
        patientId: challenge.patientId,
        idempotencyKey: `code:${challenge.id}:${now.getTime()}`,
      },
      now,
    );
    return challenge;
  });
  deps.kickOutbox();
  return challengeOf(challenge.id, challenge.phone);
}
