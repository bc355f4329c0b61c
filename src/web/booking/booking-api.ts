import type { ErrorBody } from '../../contracts/errors';
import { ApiError } from '../shared/api';
import { activeLang } from '../shared/i18n';

/**
 * An API error that keeps the refusal `reason` of BOOKING_NOT_ALLOWED (`offer_taken`, `cutoff_passed`…),
 * which the shared client drops: the booking pages choose what to show from it. Still an `ApiError`, so
 * the shared alerts and `issueFor` work on it.
 */
export class BookingApiError extends ApiError {
  constructor(
    status: number,
    body: ErrorBody | null,
    fallback: string,
    readonly reason: string | null,
  ) {
    super(
      status,
      body?.code ?? 'INTERNAL',
      body?.message ?? fallback,
      body?.issues ?? [],
      body?.details ?? {},
    );
  }
}

async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown, signal?: AbortSignal) {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        'accept-language': activeLang(),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      ...(signal ? { signal } : {}),
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK', '');
  }
  if (response.ok) return (await response.json()) as T;
  const answer = (await response.json().catch(() => null)) as ErrorBody | null;
  throw new BookingApiError(response.status, answer, response.statusText, answer?.reason ?? null);
}

export const bookingApi = {
  get: <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, undefined, signal),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
};

/** The refusal reason of a failed call, if it has one. */
export function refusalOf(error: unknown): string | null {
  return error instanceof BookingApiError ? error.reason : null;
}

/** Whether a failed call answered this code. */
export function isCode(error: unknown, code: ApiError['code']): error is ApiError {
  return error instanceof ApiError && error.code === code;
}

/** Refusals after which the patient should call the practice: the page shows the phone with them. */
export const callReasons = new Set([
  'booking_closed',
  'practitioner_closed',
  'motif_not_online',
  'cutoff_passed',
]);

export const enc = encodeURIComponent;
