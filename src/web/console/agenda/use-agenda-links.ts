import { useEffect, useRef } from 'react';
import type { PatientDetail } from '../../../contracts/patients';
import type { AppointmentDetail } from '../../../contracts/scheduling';
import { api } from '../../shared/api';
import type { PickedPatient } from '../patients/patient-picker';

/** What a link into the agenda asks for (issue 9 §2.10: the patient file starts from here). */
export type AgendaLink =
  | { kind: 'book'; patient: PickedPatient; practitionerId?: string; motifId?: string }
  | { kind: 'appointment'; appointment: AppointmentDetail };

/** The query of a link: `?book=<patientId>[&practitioner=<id>][&motif=<id>]` or `?appointment=<id>`. */
export function readAgendaLink(search: string): {
  book?: string;
  practitioner?: string;
  motif?: string;
  appointment?: string;
} {
  const params = new URLSearchParams(search);
  const value = (name: string) => params.get(name) || undefined;
  const found = {
    book: value('book'),
    practitioner: value('practitioner'),
    motif: value('motif'),
    appointment: value('appointment'),
  };
  return Object.fromEntries(Object.entries(found).filter(([, entry]) => entry)) as typeof found;
}

/**
 * Reads a link's query when the agenda opens, loads what it names and hands it over, then takes the
 * query out of the address (a reload does not open it again); an unknown id goes to `onError`. An
 * agenda closed before the answer leaves the query for the next one.
 */
export function useAgendaLink(onLink: (link: AgendaLink) => void, onError: (error: unknown) => void): void {
  const latest = useRef({ onLink, onError });
  latest.current = { onLink, onError };
  useEffect(() => {
    const link = readAgendaLink(window.location.search);
    if (!link.book && !link.appointment) return;
    let closed = false;
    const consume = () =>
      window.history.replaceState(window.history.state, '', window.location.pathname + window.location.hash);
    const load = async (): Promise<AgendaLink> => {
      if (link.appointment) {
        const appointment = await api.get<AppointmentDetail>(
          `/api/console/appointments/${encodeURIComponent(link.appointment)}`,
        );
        return { kind: 'appointment', appointment };
      }
      const file = await api.get<PatientDetail>(
        `/api/console/patients/${encodeURIComponent(link.book ?? '')}`,
      );
      return {
        kind: 'book',
        patient: {
          id: file.id,
          lastName: file.lastName,
          firstName: file.firstName,
          birthDate: file.birthDate,
          ownPractitionerId: file.ownPractitionerId,
        },
        ...(link.practitioner ? { practitionerId: link.practitioner } : {}),
        ...(link.motif ? { motifId: link.motif } : {}),
      };
    };
    load().then(
      (loaded) => {
        if (closed) return;
        consume();
        latest.current.onLink(loaded);
      },
      (error) => {
        if (closed) return;
        consume();
        latest.current.onError(error);
      },
    );
    return () => {
      closed = true;
    };
  }, []);
}
