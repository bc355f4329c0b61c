/**
 * Rules of the 6-digit codes sent by SMS (patient sign-in, online booking, signatures): valid ten
 * minutes, five wrong attempts kill the code, a new code can be asked for after sixty seconds.
 */
export const codeRules = {
  ttlMs: 10 * 60_000,
  maxAttempts: 5,
  resendAfterMs: 60_000,
} as const;

/** Seconds to wait before another code may be sent, 0 when allowed now. */
export function secondsBeforeResend(lastSentAt: Date, now: Date): number {
  const waitMs = lastSentAt.getTime() + codeRules.resendAfterMs - now.getTime();
  return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0;
}
