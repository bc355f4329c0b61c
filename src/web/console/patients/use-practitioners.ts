import { useEffect, useState } from 'react';
import type { Practitioner } from '../../../contracts/settings';
import { api } from '../../shared/api';

export type ConsolePractitioner = Practitioner & { visible: boolean };

// Practitioners change rarely: one request shared by the form, the file and the picker, renewed after a
// minute so a practitioner added in the settings shows up without reloading the console.
let pending: Promise<ConsolePractitioner[]> | null = null;
let loadedAt = 0;

function loadPractitioners(): Promise<ConsolePractitioner[]> {
  if (pending && Date.now() - loadedAt > 60_000) pending = null;
  loadedAt = pending ? loadedAt : Date.now();
  pending ??= api
    .get<{ items: ConsolePractitioner[] }>('/api/console/practitioners')
    .then((answer) => answer.items)
    .catch((error: unknown) => {
      pending = null;
      throw error;
    });
  return pending;
}

/** The practice's practitioners (for "praticien attitré" and referents); `null` while loading. */
export function usePractitioners(): { practitioners: ConsolePractitioner[] | null; error: unknown } {
  const [practitioners, setPractitioners] = useState<ConsolePractitioner[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    loadPractitioners().then(
      (items) => live && setPractitioners(items),
      (caught: unknown) => live && setError(caught),
    );
    return () => {
      live = false;
    };
  }, []);
  return { practitioners, error };
}
