import { ApiError, isApiError } from '../../../shared/api';

export type ErrorFor = (path: string) => string | undefined;

/** The server's message for one field (`weekly.until`, `openingHours.2.closes`…), to show under it. */
export function fieldErrors(error: unknown): ErrorFor {
  return (path) => (error instanceof ApiError ? error.issueFor(path) : undefined);
}

/** The reason a 409 CONFLICT carries (`last_admin`, `self`…), if the error is one. */
export function conflictReason(error: unknown): string | undefined {
  return isApiError(error, 'CONFLICT') ? error.details?.reason : undefined;
}

/** A number typed in a field; empty (or not a number) gives null and the server says what is wrong. */
export function numberOf(typed: string): number | null {
  if (typed.trim() === '') return null;
  const value = Number(typed.replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}

/** Optional text: blank means "none". */
export function textOrNull(typed: string): string | null {
  return typed.trim() === '' ? null : typed.trim();
}
