import { ApiError } from '../api';

/** The sentence to show for a failed call: the server's own message, or a network message. */
export function errorText(error: unknown, fallbacks: { network: string; generic: string }): string {
  if (error instanceof ApiError) {
    if (error.code === 'NETWORK') return fallbacks.network;
    return error.message || fallbacks.generic;
  }
  return fallbacks.generic;
}
