import { type FormEvent, useState } from 'react';
import type { BookedAppointment } from '../../../contracts/booking';
import type { Offer } from '../../../contracts/waitlist';
import { api } from '../../shared/api';
import { Button } from '../../shared/ui/button';
import { enc } from '../booking-api';
import { InstructionsBox } from '../flow/instructions-box';
import { dayLabel, localDate, localTime } from '../format';
import { useI18n } from '../i18n';
import { RefusalAlert } from '../ui/refusal-alert';

/** "Je prends ce rendez-vous": with the motif's instructions accepted first when it has some. */
export function OfferAccept({
  token,
  offer,
  onBooked,
  onRefused,
}: {
  token: string;
  offer: Offer;
  onBooked: (appointment: BookedAppointment) => void;
  /** true when the refusal was handled (taken, expired) */
  onRefused: (error: unknown) => boolean;
}) {
  const { t, lang } = useI18n();
  const [accepted, setAccepted] = useState(false);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { timeZone } = offer.practice;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const needed = offer.motif.instructionsBefore !== null && !accepted;
    setMissing(needed);
    setError(null);
    if (needed) return;
    setBusy(true);
    try {
      onBooked(
        await api.post<BookedAppointment>(`/api/public/offers/${enc(token)}/accept`, {
          ...(offer.motif.instructionsBefore ? { acceptedInstructions: true } : {}),
        }),
      );
    } catch (caught) {
      if (!onRefused(caught)) setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card offer-accept" onSubmit={submit} noValidate>
      <p>
        {t('offer.intro', {
          name: offer.patient.firstName,
          day: dayLabel(localDate(offer.expiresAt, timeZone), lang, { capital: false }),
          time: localTime(offer.expiresAt, timeZone),
        })}
      </p>
      {offer.motif.instructionsBefore ? (
        <InstructionsBox
          text={offer.motif.instructionsBefore}
          accepted={accepted}
          onChange={setAccepted}
          error={missing ? t('instructions.required') : undefined}
        />
      ) : null}
      <RefusalAlert error={error} phone={offer.practice.phone} />
      <Button type="submit" busy={busy} className="button--block">
        {t('offer.accept')}
      </Button>
      <p className="small muted">{t('offer.firstComes')}</p>
    </form>
  );
}
