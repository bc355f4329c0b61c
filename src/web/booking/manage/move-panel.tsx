import { useState } from 'react';
import type { BookedAppointment, PublicSlot } from '../../../contracts/booking';
import { api, isApiError } from '../../shared/api';
import { Alert } from '../../shared/ui/alert';
import { Button } from '../../shared/ui/button';
import { enc } from '../booking-api';
import { dayLabel, localDate, localTime, shortName } from '../format';
import { useI18n } from '../i18n';
import { forgetSlots } from '../slots/slot-cache';
import { WeekPicker } from '../slots/week-picker';
import { RefusalAlert } from '../ui/refusal-alert';
import { StepHeading } from '../ui/step-heading';

/**
 * Move from the manage link: the same motif and practitioner, week by week, then a confirmation of the
 * new time. A slot taken meanwhile sends the patient back to the (refreshed) week.
 */
export function MovePanel({
  token,
  appointment,
  onMoved,
  onClose,
  onStale,
}: {
  token: string;
  appointment: BookedAppointment;
  onMoved: (appointment: BookedAppointment) => void;
  onClose: () => void;
  /** the appointment changed elsewhere (cutoff passed, cancelled): read it again */
  onStale: () => void;
}) {
  const { t, lang } = useI18n();
  const { timeZone } = appointment.practice;
  const [week, setWeek] = useState<string | null>(null);
  const [chosen, setChosen] = useState<PublicSlot | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [taken, setTaken] = useState(false);
  const name = shortName(appointment.practitioner);

  const confirm = async (slot: PublicSlot) => {
    setBusy(true);
    setError(null);
    try {
      const moved = await api.post<BookedAppointment>(`/api/public/appointments/${enc(token)}/move`, {
        startsAt: slot.start,
        ...(slot.options[0] ? { locationId: slot.options[0].locationId } : {}),
      });
      forgetSlots();
      onMoved(moved);
    } catch (caught) {
      if (isApiError(caught, 'SLOT_TAKEN')) {
        forgetSlots();
        setTaken(true);
        setChosen(null);
      } else {
        setError(caught);
        if (isApiError(caught, 'BOOKING_NOT_ALLOWED')) onStale();
      }
    } finally {
      setBusy(false);
    }
  };

  if (chosen) {
    const when = t('recap.when', {
      day: dayLabel(localDate(chosen.start, timeZone), lang, { capital: false }),
      time: localTime(chosen.start, timeZone),
    });
    return (
      <section className="card step" aria-labelledby="move-confirm">
        <StepHeading id="move-confirm">{t('move.confirmTitle')}</StepHeading>
        <p>{t('move.question', { when, who: name })}</p>
        <RefusalAlert error={error} phone={appointment.practice.phone} />
        <div className="form-actions">
          <Button busy={busy} onClick={() => void confirm(chosen)}>
            {t('move.confirm')}
          </Button>
          <Button variant="secondary" onClick={() => setChosen(null)}>
            {t('move.other')}
          </Button>
        </div>
      </section>
    );
  }
  return (
    <section className="step" aria-labelledby="move-step">
      <StepHeading id="move-step">{t('move.title')}</StepHeading>
      <p className="muted">{t('move.intro', { who: name, motif: appointment.motif.name })}</p>
      {taken ? <Alert tone="error">{t('move.taken')}</Alert> : null}
      <WeekPicker
        source={`/api/public/appointments/${enc(token)}/slots`}
        timeZone={timeZone}
        week={week}
        onWeek={setWeek}
        who={() => ({ short: null, spoken: name })}
        onPick={(slot) => {
          setTaken(false);
          setChosen(slot);
        }}
        phone={appointment.practice.phone}
      />
      <Button variant="link" onClick={onClose}>
        {t('move.keep')}
      </Button>
    </section>
  );
}
