import type { AppErrorCode } from '../contracts/errors';
import type { RefusalReason, ValidationKey } from '../contracts/i18n/messages';

/** A field at fault, with a message key the error handler translates into the caller's language. */
export interface IssueKey {
  path: string;
  key: ValidationKey;
  params?: Record<string, unknown>;
}

interface AppErrorOptions {
  issues?: IssueKey[];
  /** a reason with its own message (BOOKING_NOT_ALLOWED) */
  reason?: RefusalReason;
  details?: Record<string, unknown>;
  headers?: Record<string, string>;
  cause?: unknown;
}

/** The one error type use cases throw. The HTTP status follows from the code (`errorStatus`). */
export class AppError extends Error {
  readonly issues: IssueKey[] | undefined;
  readonly reason: RefusalReason | undefined;
  readonly details: Record<string, unknown> | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    readonly code: AppErrorCode,
    options: AppErrorOptions = {},
  ) {
    super(code, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.issues = options.issues;
    this.reason = options.reason;
    this.details = options.details;
    this.headers = options.headers;
  }

  static validation(issues: IssueKey[]): AppError {
    return new AppError('VALIDATION_FAILED', { issues });
  }

  static field(path: string, key: ValidationKey, params?: Record<string, unknown>): AppError {
    return AppError.validation([{ path, key, ...(params ? { params } : {}) }]);
  }

  static notFound(): AppError {
    return new AppError('NOT_FOUND');
  }

  static forbidden(): AppError {
    return new AppError('FORBIDDEN');
  }

  /** An online booking action the practice's rules refuse, with the reason's own message. */
  static refused(reason: RefusalReason, details?: Record<string, unknown>): AppError {
    return new AppError('BOOKING_NOT_ALLOWED', { reason, ...(details ? { details } : {}) });
  }

  static tooManyAttempts(retryAfterSeconds: number): AppError {
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
