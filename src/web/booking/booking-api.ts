import { ApiError, isApiError } from '../shared/api';
import { activeLang } from '../shared/i18n';

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
    throw ApiError.network();
  }
  if (response.ok) return (await response.json()) as T;
  throw ApiError.fromAnswer(response.status, await response.json().catch(() => null), response.statusText);
}

export const bookingApi = {
  get: <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, undefined, signal),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
};

/** The refusal reason of a failed call (BOOKING_NOT_ALLOWED), if it has one. */
export function refusalOf(error: unknown): string | null {
  return error instanceof ApiError ? error.reason : null;
}

/** Whether a failed call answered this code; narrows `details` to that code's. */
export const isCode = isApiError;

/** Refusals after which the patient should call the practice: the page shows the phone with them. */
export const callReasons = new Set([
  'booking_closed',
  'practitioner_closed',
  'motif_not_online',
  'cutoff_passed',
]);

export const enc = encodeURIComponent;
