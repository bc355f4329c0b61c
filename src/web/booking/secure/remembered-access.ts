import { useCallback, useState } from 'react';
import type { CodeChallenge } from '../../../contracts/patient-auth';

/** Where the reader is on the link's page: before the code, typing it, or with the document opened. */
export type Access =
  | { step: 'ask' }
  | { step: 'code'; challenge: CodeChallenge; sentAt: number }
  | { step: 'opened'; title: string; until: string };

const stateKey = 'secureAccess';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

function isChallenge(value: unknown): value is CodeChallenge {
  return (
    isObject(value) &&
    typeof value.challengeId === 'string' &&
    typeof value.maskedPhone === 'string' &&
    typeof value.resendAfterSeconds === 'number' &&
    typeof value.expiresInSeconds === 'number'
  );
}

function accessOf(saved: unknown, token: string): Access {
  if (!isObject(saved) || !isObject(saved[stateKey])) return { step: 'ask' };
  const access = saved[stateKey];
  if (access.token !== token) return { step: 'ask' };
  if (access.step === 'code' && isChallenge(access.challenge) && typeof access.sentAt === 'number') {
    return { step: 'code', challenge: access.challenge, sentAt: access.sentAt };
  }
  if (
    access.step === 'opened' &&
    typeof access.title === 'string' &&
    typeof access.until === 'string' &&
    Date.parse(access.until) > Date.now()
  ) {
    return { step: 'opened', title: access.title, until: access.until };
  }
  return { step: 'ask' };
}

/**
 * The step of the link's page, kept in the history entry: a phone that drops the tab while the reader
 * reads the SMS, or the back button after the PDF, brings the reader back to the same step.
 */
export function useRememberedAccess(token: string): [Access, (access: Access) => void] {
  const [access, setAccess] = useState<Access>(() => accessOf(window.history.state, token));
  const remember = useCallback(
    (next: Access) => {
      const saved = isObject(window.history.state) ? window.history.state : {};
      window.history.replaceState({ ...saved, [stateKey]: { ...next, token } }, '');
      setAccess(next);
    },
    [token],
  );
  return [access, remember];
}
