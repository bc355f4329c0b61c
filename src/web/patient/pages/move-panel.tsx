import { useEffect, useRef, useState } from 'react';
import type { BookedAppointment, PublicSlot, PublicSlotPage } from '../../../contracts/booking';
import type { PatientAppointment } from '../../../contracts/patient-app';
import { ApiError, api } from '../../shared/api';
import { Alert } from '../../shared/ui/alert';
import { Button } from '../../shared/ui/button';
import { someoneElse } from '../audience';
import { dayLabel, forPerson, fullName, localDay, timeLabel } from '../format';
import { useI18n } from '../i18n';
import { useOfflineReadOnly } from '../pwa/offline';
import { useSession } from '../session';
import { LoadFailure, Loading } from '../ui/load-failure';
import { RefusalAlert } from '../ui/refusal-alert';
import { useLoad } from '../use-load';

/**
 * Move an appointment (APP-3) through its manage link's routes: the free slots of the same motif and
 * practitioner, page by page, then a confirmation of the new time. A slot taken meanwhile refreshes the list.
 * Another family member's appointment is named in the title and the question (issue 9 §3.16).
 */
export function MovePanel({
  appointment,
  onMoved,
  onClose,
}: {
  appointment: PatientAppointment;
  onMoved: (moved: BookedAppointment) => void;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const other = someoneElse(me, appointment.patientId);
  const offline = useOfflineReadOnly();
  const { timeZone } = appointment.practice;
  const base = `/api/public/appointments/${encodeURIComponent(appointment.manageToken)}/slots`;
  const [from, setFrom] = useState<string | null>(null);
  const { load, reload } = useLoad<PublicSlotPage>(from ? `${base}?from=${encodeURIComponent(from)}` : base);
  const [chosen, setChosen] = useState<PublicSlot | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [taken, setTaken] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const when = (instant: string) => ({
    day: dayLabel(instant, timeZone, lang, { capital: false }),
    time: timeLabel(instant, timeZone, lang),
  });

  useEffect(() => {
    heading.current?.focus();
  }, []);

  const confirm = async (slot: PublicSlot) => {
    setBusy(true);
    setError(null);
    try {
      const [option] = slot.options;
      onMoved(
        await api.post<BookedAppointment>(
          `/api/public/appointments/${encodeURIComponent(appointment.manageToken)}/move`,
          { startsAt: slot.start, ...(option ? { locationId: option.locationId } : {}) },
        ),
      );
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'SLOT_TAKEN') {
        setTaken(true);
        setChosen(null);
        reload();
      } else {
        setError(caught);
      }
    } finally {
      setBusy(false);
    }
  };

  if (chosen) {
    return (
      <ConfirmMove
        text={t(other ? 'move.questionFor' : 'move.question', {
          ...when(chosen.start),
          who: fullName(appointment.practitioner),
          ...(other ? forPerson(other.firstName) : {}),
        })}
        busy={busy}
        disabled={offline}
        error={error}
        phone={appointment.practice.phone}
        onConfirm={() => void confirm(chosen)}
        onOther={() => setChosen(null)}
      />
    );
  }

  return (
    <section className="card" aria-labelledby="move-title">
      <h2 id="move-title" tabIndex={-1} ref={heading}>
        {other ? t('move.titleFor', forPerson(other.firstName)) : t('move.title')}
      </h2>
      <p className="muted">
        {t('move.intro', {
          ...when(appointment.startsAt),
          who: fullName(appointment.practitioner),
          motif: appointment.motif.name,
        })}
      </p>
      {taken ? <Alert tone="error">{t('move.taken')}</Alert> : null}
      {load.kind === 'loading' ? <Loading /> : null}
      {load.kind === 'failed' ? (
        load.error instanceof ApiError && load.error.code === 'BOOKING_NOT_ALLOWED' ? (
          // a motif not booked online: call the practice, with its number (nothing to retry)
          <RefusalAlert error={load.error} phone={appointment.practice.phone} />
        ) : (
          <LoadFailure error={load.error} onRetry={reload} />
        )
      ) : null}
      {load.kind === 'ready' ? (
        <SlotDays
          page={load.data}
          timeZone={timeZone}
          onPick={(slot) => {
            setTaken(false);
            setError(null);
            setChosen(slot);
          }}
          onFrom={setFrom}
        />
      ) : null}
      <Button variant="link" onClick={onClose}>
        {t('move.keep')}
      </Button>
    </section>
  );
}

function ConfirmMove(props: {
  text: string;
  busy: boolean;
  disabled: boolean;
  error: unknown;
  phone: string | null;
  onConfirm: () => void;
  onOther: () => void;
}) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <section className="card" aria-labelledby="move-confirm">
      <h2 id="move-confirm" tabIndex={-1} ref={heading}>
        {t('move.confirmTitle')}
      </h2>
      <p>{props.text}</p>
      <RefusalAlert error={props.error} phone={props.phone} />
      <div className="form-actions">
        <Button busy={props.busy} disabled={props.disabled} onClick={props.onConfirm}>
          {t('move.confirm')}
        </Button>
        <Button variant="secondary" onClick={props.onOther}>
          {t('move.other')}
        </Button>
      </div>
    </section>
  );
}

/** The free slots of one page, grouped by the practice's local day, with the pages around. */
function SlotDays({
  page,
  timeZone,
  onPick,
  onFrom,
}: {
  page: PublicSlotPage;
  timeZone: string;
  onPick: (slot: PublicSlot) => void;
  onFrom: (from: string) => void;
}) {
  const { t, lang } = useI18n();
  const days = new Map<string, PublicSlot[]>();
  for (const slot of page.slots) {
    const day = localDay(slot.start, timeZone);
    days.set(day, [...(days.get(day) ?? []), slot]);
  }
  return (
    <>
      <p className="slot-range" aria-live="polite">
        {t('move.range', {
          from: dayLabel(page.from, timeZone, lang, { capital: false }),
          to: dayLabel(new Date(Date.parse(page.to) - 1).toISOString(), timeZone, lang, { capital: false }),
        })}
      </p>
      {days.size === 0 ? <p className="muted">{t('move.none')}</p> : null}
      {[...days].map(([day, slots]) => {
        const [first] = slots;
        const id = `day-${day}`;
        return (
          <div key={day} className="slot-day">
            <h3 id={id}>{first ? dayLabel(first.start, timeZone, lang) : day}</h3>
            <ul className="slots" aria-labelledby={id}>
              {slots.map((slot) => (
                <li key={slot.start}>
                  <Button
                    variant="secondary"
                    className="slot"
                    aria-label={t('appointment.when', {
                      day: dayLabel(slot.start, timeZone, lang),
                      time: timeLabel(slot.start, timeZone, lang),
                    })}
                    onClick={() => onPick(slot)}
                  >
                    {timeLabel(slot.start, timeZone, lang)}
                  </Button>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      <div className="form-actions">
        {page.previousFrom ? (
          <Button variant="secondary" onClick={() => page.previousFrom && onFrom(page.previousFrom)}>
            {t('move.previous')}
          </Button>
        ) : null}
        {page.nextFrom ? (
          <Button variant="secondary" onClick={() => page.nextFrom && onFrom(page.nextFrom)}>
            {days.size === 0 ? t('move.firstAvailable') : t('move.next')}
          </Button>
        ) : null}
      </div>
    </>
  );
}
