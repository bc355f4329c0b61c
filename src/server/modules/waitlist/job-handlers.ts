import type { JobHandler } from '../../jobs/scheduled-jobs';
import { matchFreedSlot } from './match-freed-slot';

/**
 * Scheduled work of the waiting list (the 'waitlist_match' job of a freed slot).
 * @public
 */
export const waitlistJobHandlers: Record<string, JobHandler> = {
  waitlist_match: matchFreedSlot,
};
