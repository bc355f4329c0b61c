import { useCallback, useEffect, useState } from 'react';
import type { PracticeSummary } from '../../contracts/practice';
import { api } from '../shared/api';

const storageKey = 'sourire.practice';

export type PracticeChoice =
  | { kind: 'loading' }
  | { kind: 'chosen'; slug: string }
  | { kind: 'choose'; practices: PracticeSummary[] }
  | { kind: 'none' }
  | { kind: 'failed' };

/**
 * Which practice the app signs in to: the one in the link (`/app?cabinet=slug`, as printed on the
 * practice's poster), else the one chosen before on this phone, else the only practice of the server,
 * else the person picks.
 */
export function usePracticeChoice(): [PracticeChoice, (slug: string) => void] {
  const [choice, setChoice] = useState<PracticeChoice>({ kind: 'loading' });

  const choose = useCallback((slug: string) => {
    try {
      localStorage.setItem(storageKey, slug);
    } catch {
      // private mode: chosen for this visit only
    }
    setChoice({ kind: 'chosen', slug });
  }, []);

  useEffect(() => {
    const fromLink = new URLSearchParams(window.location.search).get('cabinet');
    let stored: string | null = null;
    try {
      stored = localStorage.getItem(storageKey);
    } catch {
      stored = null;
    }
    if (fromLink) {
      choose(fromLink);
      return;
    }
    api
      .get<{ items: PracticeSummary[] }>('/api/public/practices')
      .then(({ items }) => {
        const known = items.find((practice) => practice.slug === stored);
        if (known) setChoice({ kind: 'chosen', slug: known.slug });
        else if (items.length === 1 && items[0]) setChoice({ kind: 'chosen', slug: items[0].slug });
        else if (items.length === 0) setChoice({ kind: 'none' });
        else setChoice({ kind: 'choose', practices: items });
      })
      .catch(() => setChoice({ kind: 'failed' }));
  }, [choose]);

  return [choice, choose];
}
