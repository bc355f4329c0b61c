import { useCallback, useEffect, useRef, useState } from 'react';
import type { Agenda } from '../../../contracts/scheduling';
import type { Location, Motif, Practitioner } from '../../../contracts/settings';
import { api } from '../../shared/api';

export interface ReferenceData {
  motifs: Motif[];
  locations: Location[];
  practitioners: (Practitioner & { visible: boolean })[];
}

/** Motifs, locations and practitioners: loaded once per visit of the agenda. */
export function useReferenceData(): { data: ReferenceData | null; error: unknown } {
  const [data, setData] = useState<ReferenceData | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    Promise.all([
      api.get<{ items: Motif[] }>('/api/console/motifs'),
      api.get<{ items: Location[] }>('/api/console/locations'),
      api.get<{ items: ReferenceData['practitioners'] }>('/api/console/practitioners'),
    ])
      .then(([motifs, locations, practitioners]) =>
        setData({ motifs: motifs.items, locations: locations.items, practitioners: practitioners.items }),
      )
      .catch(setError);
  }, []);
  return { data, error };
}

/** The agenda of a window; `reload` refetches without blanking the screen. */
export function useAgenda(from: number, to: number, practitionerIds: string[]) {
  const [agenda, setAgenda] = useState<Agenda | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const request = useRef(0);
  const key = practitionerIds.join(',');

  const reload = useCallback(async () => {
    if (!key) {
      setAgenda(null);
      setLoading(false);
      return;
    }
    const id = ++request.current;
    setLoading(true);
    try {
      const params = new URLSearchParams({
        from: new Date(from).toISOString(),
        to: new Date(to).toISOString(),
        practitionerIds: key,
      });
      const next = await api.get<Agenda>(`/api/console/agenda?${params}`, { background: true });
      if (id === request.current) {
        setAgenda(next);
        setError(null);
      }
    } catch (caught) {
      if (id === request.current) setError(caught);
    } finally {
      if (id === request.current) setLoading(false);
    }
  }, [from, to, key]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { agenda, error, loading, reload };
}

/**
 * Server-sent events: calls `onChange` (debounced) when a colleague changes one of the shown agendas.
 * EventSource reconnects by itself; `connected` says whether the stream is up.
 */
export function useLiveAgenda(practitionerIds: string[], onChange: () => void): boolean {
  const [connected, setConnected] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(onChange);
  latest.current = onChange;
  const key = practitionerIds.join(',');
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const shown = new Set(key.split(','));
    const source = new EventSource('/api/console/agenda/stream');
    let timer: number | undefined;
    let retry: number | undefined;
    source.onopen = () => {
      setConnected(true);
      // whatever changed while disconnected is read again
      if (attempt > 0) latest.current();
    };
    source.onerror = () => {
      setConnected(false);
      // EventSource gives up after an error answer (a locked or expired session): try again later
      if (source.readyState === EventSource.CLOSED)
        retry = window.setTimeout(() => setAttempt((count) => count + 1), 10_000);
    };
    source.addEventListener('change', (event) => {
      const data = JSON.parse((event as MessageEvent<string>).data) as { practitionerIds: string[] };
      if (!data.practitionerIds.some((id) => shown.has(id))) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => latest.current(), 250);
    });
    return () => {
      window.clearTimeout(timer);
      window.clearTimeout(retry);
      source.close();
    };
  }, [key, attempt]);
  return connected;
}
