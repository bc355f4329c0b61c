import { type MouseEvent, useSyncExternalStore } from 'react';

/**
 * The booking area's navigation without a router library: the path says which page (practice list,
 * booking page, manage link, offer link, secure document link), the query says the choices made on the
 * booking page (motif, practitioner, week), and `history.state` carries what must not be in an address
 * (the chosen slot, the confirmation). The phone's back button walks back through the steps.
 */

export type Route =
  | { kind: 'list' }
  | { kind: 'practice'; slug: string }
  | { kind: 'manage'; token: string }
  | { kind: 'offer'; token: string }
  | { kind: 'document'; token: string };

export function routeOf(pathname: string): Route {
  const parts = pathname
    .split('/')
    .filter(Boolean)
    .map((part) => decodeURIComponent(part));
  const [, first, second] = parts;
  if (!first) return { kind: 'list' };
  if (first === 'gerer' && second) return { kind: 'manage', token: second };
  if (first === 'offre' && second) return { kind: 'offer', token: second };
  if (first === 'document' && second) return { kind: 'document', token: second };
  return { kind: 'practice', slug: first };
}

let version = 0;
const listeners = new Set<() => void>();
const notify = () => {
  version += 1;
  for (const listener of listeners) listener();
};
window.addEventListener('popstate', notify);

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Goes to an address of the area without reloading; `replace` keeps the back button's history as is. */
export function navigate(url: string, state: unknown = null, replace = false): void {
  if (replace) window.history.replaceState(state, '', url);
  else window.history.pushState(state, '', url);
  notify();
}

export interface Place {
  pathname: string;
  params: URLSearchParams;
  state: unknown;
}

/** Where the page is now; re-renders on every navigation. */
export function usePlace(): Place {
  useSyncExternalStore(subscribe, () => version);
  return {
    pathname: window.location.pathname,
    params: new URLSearchParams(window.location.search),
    state: window.history.state as unknown,
  };
}

/** A same-area link: a plain click navigates without reloading, other clicks keep the browser's ways. */
export function followLink(event: MouseEvent<HTMLAnchorElement>): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(event.currentTarget.getAttribute('href') ?? '/rdv/');
  window.scrollTo(0, 0);
}

/** The booking page's address with some query values changed (null removes one). */
export function withParams(changes: Record<string, string | null>): string {
  const params = new URLSearchParams(window.location.search);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) params.delete(key);
    else params.set(key, value);
  }
  const query = params.toString();
  return `${window.location.pathname}${query ? `?${query}` : ''}`;
}
