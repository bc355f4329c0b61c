import { useCallback, useEffect, useState } from 'react';
import { Link } from 'wouter';
import type { PatientHistory as History } from '../../../contracts/patients';
import type { Appointment } from '../../../contracts/scheduling';
import { api } from '../../shared/api';
import { Button } from '../../shared/ui/button';
import { ErrorAlert } from '../../shared/ui/error-alert';
import { useI18n } from '../i18n';
import { practitionerName } from './format';
import type { ConsolePractitioner } from './use-practitioners';

type CountName = keyof History['counts'];
const countOrder: CountName[] = ['toFill', 'seen', 'upcoming', 'excused', 'notExcused', 'cancelled'];
/** counts that need the front desk's attention when not zero */
const alerting: CountName[] = ['toFill', 'notExcused'];

type StatusName =
  | 'toFill'
  | 'upcoming'
  | 'waitingRoom'
  | 'seen'
  | 'excused'
  | 'notExcused'
  | 'cancelled'
  | 'cancelledByPatient';

/** How one appointment reads in the history, with the same split as the counts (PAT-4). */
function statusOf(appointment: Appointment, now: string): StatusName {
  switch (appointment.status) {
    case 'seen':
      return 'seen';
    case 'excused':
      return 'excused';
    case 'not_excused':
      return 'notExcused';
    case 'cancelled':
      return appointment.cancelledBy === 'patient' ? 'cancelledByPatient' : 'cancelled';
    case 'waiting_room':
      return 'waitingRoom';
    default:
      return appointment.startsAt > now ? 'upcoming' : 'toFill';
  }
}

/** Reads a patient's appointments once for the file: its history and the motif they usually come for. */
export function usePatientHistory(patientId: string) {
  const [history, setHistory] = useState<History | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(async () => {
    setError(null);
    try {
      setHistory(await api.get<History>(`/api/console/patients/${patientId}/appointments`));
    } catch (caught) {
      setError(caught);
    }
  }, [patientId]);
  useEffect(() => {
    void load();
  }, [load]);
  return { history, error, load };
}

/**
 * A patient's appointments, newest first, with the counts by status (PAT-4); each row opens its
 * appointment in the agenda (issue 9 §2.10).
 */
export function PatientHistory({
  history,
  error,
  load,
  practitioners,
}: ReturnType<typeof usePatientHistory> & { practitioners: ConsolePractitioner[] | null }) {
  const { t, lang } = useI18n();
  const locale = lang === 'en' ? 'en-GB' : 'fr-FR';
  const day = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  const now = new Date().toISOString();
  const practitionerOf = (id: string) => {
    const found = practitioners?.find((practitioner) => practitioner.id === id);
    return found ? practitionerName(found) : '';
  };

  return (
    <section className="card patient-history" aria-labelledby="patient-history">
      <h2 id="patient-history">{t('patients.history.title')}</h2>
      <ErrorAlert error={error} withFields />
      {error ? (
        <Button variant="secondary" onClick={() => void load()}>
          {t('common.retry')}
        </Button>
      ) : null}
      {!history && !error ? <p className="loading">{t('common.loading')}</p> : null}
      {history ? (
        <>
          <dl className="history-counts">
            {countOrder.map((name) => (
              <div
                key={name}
                className={`history-counts__item${alerting.includes(name) && history.counts[name] > 0 ? ' is-alert' : ''}`}
              >
                <dt>{t(`patients.count.${name}`)}</dt>
                <dd>{history.counts[name]}</dd>
              </div>
            ))}
          </dl>
          {history.items.length === 0 ? (
            <p className="muted">{t('patients.history.empty')}</p>
          ) : (
            <ol className="history-list">
              {history.items.map((appointment) => {
                const start = new Date(appointment.startsAt);
                const status = statusOf(appointment, now);
                return (
                  <li key={appointment.id} className="history-list__item">
                    <Link
                      href={`/agenda?appointment=${appointment.id}`}
                      className="history-list__when"
                      aria-label={t('patients.history.open', {
                        when: `${day.format(start)}, ${time.format(start)}`,
                        motif: appointment.motifName,
                      })}
                    >
                      <time dateTime={appointment.startsAt}>
                        {day.format(start)}, {time.format(start)}
                      </time>
                    </Link>
                    <span className="history-list__what">
                      <span className="history-list__colour" style={{ background: appointment.colour }} />
                      {appointment.motifName}
                      <span className="muted"> · {practitionerOf(appointment.practitionerId)}</span>
                    </span>
                    <span className={`badge history-status history-status--${status}`}>
                      {t(`patients.status.${status}`)}
                    </span>
                  </li>
                );
              })}
            </ol>
          )}
        </>
      ) : null}
    </section>
  );
}
