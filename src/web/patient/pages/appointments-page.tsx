import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import type { BookedAppointment } from '../../../contracts/booking';
import type { PatientAppointment, PatientAppointmentPage } from '../../../contracts/patient-app';
import { api } from '../../shared/api';
import { Button } from '../../shared/ui/button';
import { ErrorAlert } from '../../shared/ui/error-alert';
import { someoneElse } from '../audience';
import { openBookingWithGrant } from '../book-new';
import { dayLabel, forPerson, timeLabel } from '../format';
import { useI18n } from '../i18n';
import type { PatientKey } from '../i18n/fr';
import { useOfflineReadOnly } from '../pwa/offline';
import { useSession } from '../session';
import { LoadFailure, Loading } from '../ui/load-failure';
import { PageTitle } from '../ui/page-title';
import { PersonPicker } from '../ui/person-picker';
import { useFocusLater } from '../ui/use-focus-later';
import { useLoad } from '../use-load';
import { AppointmentCard, appointmentHeadingId } from './appointment-card';
import { CancelDialog } from './cancel-dialog';
import { MovePanel } from './move-panel';

type Scope = 'upcoming' | 'all';

/**
 * APP-3, "Mes rendez-vous" of the person the app shows: the upcoming ones, or with "Tout afficher" the whole
 * history in chronological order with statuses (pages of 20). Each can be added to the calendar, moved or
 * cancelled; a new one is booked through the booking page with the identity known.
 */
export function AppointmentsPage({ scope }: { scope: Scope }) {
  const { t } = useI18n();
  const { person } = useSession();
  return (
    <>
      <PageTitle>{scope === 'all' ? t('appointments.allTitle') : t('appointments.title')}</PageTitle>
      <PersonPicker />
      <BookNew />
      <AppointmentList key={`${person.id}-${scope}`} patientId={person.id} scope={scope} />
      <p className="page-switch">
        {scope === 'all' ? (
          <Link href="/rdv">{t('appointments.showUpcoming')}</Link>
        ) : (
          <Link href="/rdv/historique">{t('appointments.showAll')}</Link>
        )}
      </p>
    </>
  );
}

function BookNew() {
  const { t } = useI18n();
  const { me, person } = useSession();
  const offline = useOfflineReadOnly();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const book = async () => {
    setBusy(true);
    setError(null);
    try {
      await openBookingWithGrant(me.practice.slug, person.id);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };
  return (
    <div className="book-new">
      <ErrorAlert error={error} withFields />
      <Button className="button--block" busy={busy} disabled={offline} onClick={() => void book()}>
        {t('appointments.book')}
      </Button>
    </div>
  );
}

type Change = { kind: 'move' | 'cancel'; appointment: PatientAppointment };

function AppointmentList({ patientId, scope }: { patientId: string; scope: Scope }) {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const path = `/api/patient/appointments?patientId=${encodeURIComponent(patientId)}&scope=${scope}`;
  const { load, reload } = useLoad<PatientAppointmentPage>(path);
  const [more, setMore] = useState<{ items: PatientAppointment[]; cursor: string | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  const [change, setChange] = useState<Change | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  const focusLater = useFocusLater();

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  if (load.kind === 'loading') return <Loading />;
  if (load.kind === 'failed') return <LoadFailure error={load.error} onRetry={reload} />;

  const items = [...load.data.items, ...(more?.items ?? [])];
  const cursor = more ? more.cursor : load.data.nextCursor;

  const loadMore = async () => {
    if (!cursor) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await api.get<PatientAppointmentPage>(`${path}&cursor=${encodeURIComponent(cursor)}`);
      setMore({ items: [...(more?.items ?? []), ...page.items], cursor: page.nextCursor });
    } catch (caught) {
      setMoreError(caught);
    } finally {
      setLoadingMore(false);
    }
  };

  const finish = (text: string) => {
    setChange(null);
    setMore(null);
    setDone(text);
    reload();
  };
  const when = (appointment: BookedAppointment) => ({
    day: dayLabel(appointment.startsAt, appointment.practice.timeZone, lang, { capital: false }),
    time: timeLabel(appointment.startsAt, appointment.practice.timeZone, lang),
  });
  // another family member's appointment is named in the confirmation (issue 9 §3.16)
  const confirmation = (appointment: BookedAppointment, own: PatientKey, theirs: PatientKey) => {
    const other = someoneElse(me, patientId);
    return other
      ? t(theirs, { ...when(appointment), ...forPerson(other.firstName) })
      : t(own, when(appointment));
  };

  if (change?.kind === 'move') {
    return (
      <MovePanel
        appointment={change.appointment}
        onClose={() => {
          const { id } = change.appointment;
          setChange(null);
          focusLater(() => document.getElementById(appointmentHeadingId(id)));
        }}
        onMoved={(moved) => finish(confirmation(moved, 'appointments.moved', 'appointments.movedFor'))}
      />
    );
  }

  return (
    <>
      {done ? (
        <p className="alert alert--success" role="status" tabIndex={-1} ref={doneRef}>
          {done}
        </p>
      ) : null}
      {items.length === 0 ? (
        <p className="card muted">{scope === 'all' ? t('appointments.noneEver') : t('appointments.none')}</p>
      ) : (
        <ul className="appt-list">
          {items.map((appointment) => (
            <li key={appointment.id}>
              <AppointmentCard
                appointment={appointment}
                withStatus={scope === 'all'}
                onMove={() => {
                  setDone(null);
                  setChange({ kind: 'move', appointment });
                }}
                onCancel={() => {
                  setDone(null);
                  setChange({ kind: 'cancel', appointment });
                }}
              />
            </li>
          ))}
        </ul>
      )}
      {moreError ? <ErrorAlert error={moreError} withFields /> : null}
      {cursor ? (
        <Button
          variant="secondary"
          className="button--block"
          busy={loadingMore}
          onClick={() => void loadMore()}
        >
          {t('appointments.more')}
        </Button>
      ) : null}
      {change?.kind === 'cancel' ? (
        <CancelDialog
          appointment={change.appointment}
          onClose={() => setChange(null)}
          onCancelled={(cancelled) =>
            finish(confirmation(cancelled, 'appointments.cancelled', 'appointments.cancelledFor'))
          }
        />
      ) : null}
    </>
  );
}
