import { useCallback, useEffect, useState } from 'react';
import { api } from '../../../shared/api';

export interface Resource<T> {
  /** null while loading (or after a failure) */
  data: T | null;
  error: unknown;
  reload: () => Promise<void>;
}

interface Loaded<T> {
  path: string | null;
  data: T | null;
  error: unknown;
}

/**
 * One GET of the API, reloaded when its path changes. While a new path loads, the old data is not shown
 * (it belongs to another practitioner, say).
 */
export function useResource<T>(path: string | null): Resource<T> {
  const [state, setState] = useState<Loaded<T>>({ path: null, data: null, error: null });

  const load = useCallback(
    async (signal?: AbortSignal) => {
      if (!path) return;
      try {
        const data = await api.get<T>(path, signal ? { signal } : {});
        setState({ path, data, error: null });
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') return;
        setState({ path, data: null, error });
      }
    },
    [path],
  );

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  const reload = useCallback(() => load(), [load]);
  const current = state.path === path;
  return { data: current ? state.data : null, error: current ? state.error : null, reload };
}
