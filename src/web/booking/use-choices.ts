import { useCallback } from 'react';
import { useSearchParams } from 'wouter';

/** How a step is entered: `state` carries what must not be in an address; `replace` keeps the history. */
export interface StepEntry {
  state?: unknown;
  replace?: boolean;
}

/**
 * The booking page's choices live in the query (motif, practitioner, visit, week) and the step's data in
 * `history.state` (the chosen slot, the confirmation), both through wouter: the phone's back button walks
 * back through the steps. `choose` changes some query values (null removes one) and enters a step.
 */
export function useChoices() {
  const [params, setParams] = useSearchParams();
  const choose = useCallback(
    (changes: Record<string, string | null>, entry: StepEntry = {}) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null) next.delete(key);
          else next.set(key, value);
        }
        return next;
      }, entry),
    [setParams],
  );
  return { params, choose };
}
