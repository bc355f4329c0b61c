import { ApiError } from '../shared/api';

/** The booking pages' helpers around the shared client (`api` in src/web/shared/api.ts). */

/** The refusal reason of a failed call (BOOKING_NOT_ALLOWED), if it has one. */
export function refusalOf(error: unknown): string | null {
  return error instanceof ApiError ? error.reason : null;
}

/** Refusals after which the patient should call the practice: the page shows the phone with them. */
export const callReasons = new Set([
  'booking_closed',
  'practitioner_closed',
  'motif_not_online',
  'cutoff_passed',
]);

export const enc = encodeURIComponent;
