import { useCallback, useState } from 'react';

/** State kept in localStorage between visits (view, agendas shown); falls back to memory. */
export function usePersistentState<T>(key: string, initial: T): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => {
    try {
      const stored = localStorage.getItem(key);
      return stored === null ? initial : (JSON.parse(stored) as T);
    } catch {
      return initial;
    }
  });
  const update = useCallback(
    (next: T) => {
      setValue(next);
      try {
        localStorage.setItem(key, JSON.stringify(next));
      } catch {
        // private mode: kept for this visit only
      }
    },
    [key],
  );
  return [value, update];
}
