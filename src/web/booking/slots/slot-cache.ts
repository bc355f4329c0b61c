import type { PublicSlotPage } from '../../../contracts/booking';
import { api } from '../../shared/api';

const freshForMs = 60_000;
const pages = new Map<string, { at: number; page: Promise<PublicSlotPage> }>();

/**
 * Slot pages by address, kept a minute: going back and forth between weeks, or back from the
 * identification to the picker, shows them at once, and the next week can be fetched ahead.
 */
export function loadSlots(url: string): Promise<PublicSlotPage> {
  const cached = pages.get(url);
  if (cached && Date.now() - cached.at < freshForMs) return cached.page;
  const page = api.get<PublicSlotPage>(url);
  pages.set(url, { at: Date.now(), page });
  page.catch(() => pages.delete(url));
  return page;
}

/** After a booking, a move or a slot found taken, the cached weeks are no longer true. */
export function forgetSlots(): void {
  pages.clear();
}

/** The address of a slot page from a given instant (ISO), or of the first week with availability. */
export function slotsUrl(source: string, from: string | null): string {
  if (!from) return source;
  return `${source}${source.includes('?') ? '&' : '?'}from=${encodeURIComponent(from)}`;
}
