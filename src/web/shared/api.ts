import { isErrorCodeName } from '../../contracts/error-codes';
import type { AppErrorCode, ErrorBody, ErrorBodyOf, FieldIssue, RefusalReason } from '../../contracts/errors';
import { activeLang } from './i18n';

/** The code of a failed call: one of the API's codes, or NETWORK when no answer came. */
export type ApiErrorCode = AppErrorCode | 'NETWORK';

/** The `details` of each code, as its contract types them (undefined for a code without). */
type DetailsByCode = {
  [C in AppErrorCode]: ErrorBodyOf<C> extends { details: infer D }
    ? D
    : ErrorBodyOf<C> extends { details?: infer D }
      ? D | undefined
      : undefined;
} & { NETWORK: undefined };

/** The `details` of an error of code `C`. */
export type ApiErrorDetails<C extends ApiErrorCode> = DetailsByCode[C];

/**
 * An error answer of the API, with its code and field issues already in the UI's language. Narrow it with
 * `isApiError(error, 'CODE')` to read the `details` that code carries, typed by its contract.
 */
export class ApiError<out C extends ApiErrorCode = ApiErrorCode> extends Error {
  readonly code: C;
  readonly issues: FieldIssue[];
  readonly details: ApiErrorDetails<C>;
  /** Why, for BOOKING_NOT_ALLOWED (`offer_taken`, `cutoff_passed`…); null for other codes. */
  readonly reason: RefusalReason | null;

  constructor(
    readonly status: number,
    body: { code: C; message: string; issues?: FieldIssue[]; details?: unknown; reason?: RefusalReason },
  ) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.issues = body.issues ?? [];
    this.details = body.details as ApiErrorDetails<C>;
    this.reason = body.reason ?? null;
  }

  /** No answer came (offline, DNS, connection reset). */
  static network(): ApiError<'NETWORK'> {
    return new ApiError(0, { code: 'NETWORK', message: '' });
  }

  /** The error of an answer that is not 2xx; a body that is not an error body counts as INTERNAL. */
  static fromAnswer(status: number, body: unknown, fallbackMessage: string): ApiError {
    const answer = body as Partial<ErrorBody> | null;
    // a body that is not one of ours (a proxy's error page turned JSON…) is not trusted as an API error
    if (!answer || !isErrorCodeName(answer.code))
      return new ApiError(status, { code: 'INTERNAL', message: fallbackMessage });
    return new ApiError(status, { ...(answer as ErrorBody), message: answer.message ?? fallbackMessage });
  }

  /** The message of one field, for the form to show under it. */
  issueFor(path: string): string | undefined {
    return this.issues.find((issue) => issue.path === path)?.message;
  }
}

/** Whether a failed call answered one of these codes; narrows `details` to what those codes carry. */
export function isApiError<C extends ApiErrorCode>(error: unknown, ...codes: C[]): error is ApiError<C> {
  return error instanceof ApiError && (codes.length === 0 || (codes as ApiErrorCode[]).includes(error.code));
}

type Listener = (error: ApiError) => void;
const listeners = new Set<Listener>();

/** Lets an area react to session problems wherever they happen (lock screen, sign-in page). */
export function onApiError(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A successful answer, and whether the patient app's service worker served it from its offline copy. */
export interface AnswerSource {
  path: string;
  offline: boolean;
}
type AnswerListener = (answer: AnswerSource) => void;
const answerListeners = new Set<AnswerListener>();

/** Set by the patient app's service worker on an answer it served from its cache (src/web/patient/pwa). */
export const offlineHeader = 'x-sourire-offline';

/** Lets the patient app know when what it shows comes from the offline copy (read-only banner). */
export function onAnswer(listener: AnswerListener): () => void {
  answerListeners.add(listener);
  return () => answerListeners.delete(listener);
}

/**
 * While the staff session is locked, a read refused as SESSION_LOCKED waits for the unlock and is sent
 * again, so a page that loaded under the lock screen shows its data once unlocked (issue 9 §2.12).
 * Only the console turns this on; sign-out drops what waits.
 */
let holdReadsWhileLocked = false;
let unlockGate: { promise: Promise<void>; open: () => void; drop: (error: unknown) => void } | null = null;

export function holdReadsUntilUnlocked(on: boolean): void {
  holdReadsWhileLocked = on;
}

function waitForUnlock(signal?: AbortSignal): Promise<void> {
  if (!unlockGate) {
    let open = () => {};
    let drop: (error: unknown) => void = () => {};
    const promise = new Promise<void>((resolve, reject) => {
      open = resolve;
      drop = reject;
    });
    promise.catch(() => undefined);
    unlockGate = { promise, open, drop };
  }
  const gate = unlockGate.promise;
  if (!signal) return gate;
  return new Promise<void>((resolve, reject) => {
    const aborted = () => reject(new DOMException('Aborted', 'AbortError'));
    if (signal.aborted) return aborted();
    signal.addEventListener('abort', aborted, { once: true });
    gate.then(resolve, reject).finally(() => signal.removeEventListener('abort', aborted));
  });
}

/** The session was unlocked: the reads held meanwhile are sent again. */
export function sessionUnlocked(): void {
  unlockGate?.open();
  unlockGate = null;
}

/** The session ended: the reads held meanwhile fail with the reason. */
export function sessionEnded(error: unknown): void {
  unlockGate?.drop(error);
  unlockGate = null;
}

export interface RequestOptions {
  /** Not a person's action (polling): does not keep the staff session awake. */
  background?: boolean;
  signal?: AbortSignal;
}

/** What a call sends: nothing, a JSON value, or a multipart form (uploads). */
type Payload = { json: unknown } | { form: FormData } | undefined;

/**
 * The web's one fetch client (console, patient app, booking pages): same-origin credentials, the UI's
 * language, JSON both ways (or a multipart form out), and every refusal as an `ApiError` whose message is
 * already in that language.
 */
async function request<T>(
  method: string,
  path: string,
  payload: Payload,
  options: RequestOptions = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        'accept-language': activeLang(),
        ...(payload && 'json' in payload ? { 'content-type': 'application/json' } : {}),
        ...(options.background ? { 'x-sourire-background': '1' } : {}),
      },
      ...(payload ? { body: 'json' in payload ? JSON.stringify(payload.json) : payload.form } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw ApiError.network();
  }
  if (response.ok) {
    const offline = response.headers.get(offlineHeader) === '1';
    for (const listener of answerListeners) listener({ path, offline });
    return (await response.json()) as T;
  }
  const error = ApiError.fromAnswer(
    response.status,
    await response.json().catch(() => null),
    response.statusText,
  );
  for (const listener of listeners) listener(error);
  if (method === 'GET' && error.code === 'SESSION_LOCKED' && holdReadsWhileLocked) {
    await waitForUnlock(options.signal);
    return request<T>(method, path, payload, options);
  }
  throw error;
}

/** A multipart form of text fields (first: the server checks them before reading the files) then files. */
export function formOf(
  fields: Record<string, string | undefined>,
  files: { field: string; file: File }[] = [],
): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) form.append(name, value);
  for (const { field, file } of files) form.append(field, file, file.name);
  return form;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, { json: body ?? {} }, options),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) =>
    request<T>('PATCH', path, { json: body }, options),
  put: <T>(path: string, body: unknown, options?: RequestOptions) =>
    request<T>('PUT', path, { json: body }, options),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, undefined, options),
  /** Sends a multipart form (uploads: a message, a template, a document); see `formOf`. */
  send: <T>(method: 'POST' | 'PUT', path: string, form: FormData, options?: RequestOptions) =>
    request<T>(method, path, { form }, options),
};
