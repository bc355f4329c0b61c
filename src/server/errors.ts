import type { AppErrorCode, ErrorDetails, RefusalReason } from '../contracts/errors';
import type { ValidationKey } from '../contracts/i18n/messages';

/** A field at fault, with a message key the error handler translates into the caller's language. */
export interface IssueKey {
  path: string;
  key: ValidationKey;
  params?: Record<string, unknown>;
}

/**
 * What an error of code `C` may carry: `details` exactly as the code's contract says (required, optional
 * or forbidden), `issues` only for VALIDATION_FAILED, `reason` (required) only for BOOKING_NOT_ALLOWED.
 */
export type AppErrorOptions<C extends AppErrorCode> = {
  headers?: Record<string, string>;
  cause?: unknown;
} & (C extends 'VALIDATION_FAILED' ? { issues?: IssueKey[] } : { issues?: never }) &
  (C extends 'BOOKING_NOT_ALLOWED' ? { reason: RefusalReason } : { reason?: never }) &
  (ErrorDetails<C> extends undefined
    ? { details?: never }
    : undefined extends ErrorDetails<C>
      ? { details?: ErrorDetails<C> }
      : { details: ErrorDetails<C> });

/** The options are optional unless the code requires some (details of MODULE_DISABLED, a refusal's reason…). */
type OptionsArgument<C extends AppErrorCode> =
  Record<string, never> extends AppErrorOptions<C>
    ? [options?: AppErrorOptions<C>]
    : [options: AppErrorOptions<C>];

/** The one error type use cases throw. The HTTP status follows from the code (`errorStatus`). */
export class AppError<C extends AppErrorCode = AppErrorCode> extends Error {
  readonly issues: IssueKey[] | undefined;
  readonly reason: RefusalReason | undefined;
  readonly details: ErrorDetails<C> | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    readonly code: C,
    ...[options]: OptionsArgument<C>
  ) {
    const given = (options ?? {}) as AppErrorOptions<AppErrorCode> & {
      issues?: IssueKey[];
      reason?: RefusalReason;
      details?: ErrorDetails<C>;
    };
    super(code, given.cause === undefined ? undefined : { cause: given.cause });
    this.name = 'AppError';
    this.issues = given.issues;
    this.reason = given.reason;
    this.details = given.details;
    this.headers = given.headers;
  }

  static validation(issues: IssueKey[]): AppError<'VALIDATION_FAILED'> {
    return new AppError('VALIDATION_FAILED', { issues });
  }

  static field(
    path: string,
    key: ValidationKey,
    params?: Record<string, unknown>,
  ): AppError<'VALIDATION_FAILED'> {
    return AppError.validation([{ path, key, ...(params ? { params } : {}) }]);
  }

  static notFound(): AppError<'NOT_FOUND'> {
    return new AppError('NOT_FOUND');
  }

  static forbidden(): AppError<'FORBIDDEN'> {
    return new AppError('FORBIDDEN');
  }

  /** An online booking action the practice's rules refuse, with the reason's own message. */
  static refused(
    reason: RefusalReason,
    details?: ErrorDetails<'BOOKING_NOT_ALLOWED'>,
  ): AppError<'BOOKING_NOT_ALLOWED'> {
    return new AppError('BOOKING_NOT_ALLOWED', { reason, ...(details ? { details } : {}) });
  }

  static tooManyAttempts(retryAfterSeconds: number): AppError<'TOO_MANY_ATTEMPTS'> {
    const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
    return new AppError('TOO_MANY_ATTEMPTS', {
      details: { retryAfterSeconds: seconds },
      headers: { 'retry-after': String(seconds) },
    });
  }
}

/** The PostgreSQL SQLSTATE of a driver error, looking through Drizzle's wrapping. */
export function sqlState(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The name of the violated constraint of a driver error, if any. */
export function violatedConstraint(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth += 1) {
    const constraint = (current as { constraint?: unknown }).constraint;
    if (typeof constraint === 'string') return constraint;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
