import { useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Appointment } from '../../../contracts/scheduling';
import { displayDate } from '../../shared/dates';
import { hhmm, localParts } from '../../shared/zoned-time';
import { useI18n } from '../i18n';

interface Props {
  id: string;
  appointment: Appointment;
  timeZone: string;
  /** the block the card belongs to: the card sits beside it, inside the window */
  anchor: HTMLElement;
}

/**
 * The card of an appointment shown while its block is hovered or focused: patient, motif, times,
 * status and flags, everything a narrow week block cannot say. It is placed in the page's body (fixed,
 * kept inside the window), so it never widens the grid.
 */
export function AppointmentCard({ id, appointment, timeZone, anchor }: Props) {
  const { t, lang } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ left: number; top: number } | null>(null);

  useLayoutEffect(() => {
    const card = ref.current;
    if (!card) return;
    const block = anchor.getBoundingClientRect();
    const width = card.offsetWidth;
    const height = card.offsetHeight;
    const right = block.right + 8;
    const left = right + width <= window.innerWidth - 8 ? right : Math.max(8, block.left - width - 8);
    const top = Math.max(8, Math.min(block.top, window.innerHeight - height - 8));
    setPosition({ left, top });
  }, [anchor]);

  const start = localParts(Date.parse(appointment.startsAt), timeZone);
  const end = localParts(Date.parse(appointment.endsAt), timeZone);
  const minutes = Math.round((Date.parse(appointment.endsAt) - Date.parse(appointment.startsAt)) / 60_000);
  const flags = [
    appointment.firstVisit ? t('card.firstVisit') : null,
    appointment.carteVitale ? t('card.carteVitale') : null,
    appointment.channel === 'staff' ? null : t(`appointment.channel.${appointment.channel}`),
    appointment.cancelledBy ? t(`panel.cancelledBy.${appointment.cancelledBy}`) : null,
  ].filter((flag): flag is string => !!flag);

  return createPortal(
    <div
      ref={ref}
      id={id}
      role="tooltip"
      className="appointment-card"
      style={position ? { left: position.left, top: position.top } : { visibility: 'hidden' }}
    >
      <p className="appointment-card__patient">
        <strong>
          {appointment.patient.lastName.toUpperCase()} {appointment.patient.firstName}
        </strong>{' '}
        <span className="muted">
          {t('card.born', { date: displayDate(appointment.patient.birthDate, lang) })}
        </span>
      </p>
      <p>
        <span className="swatch" style={{ background: appointment.colour }} aria-hidden="true" />{' '}
        {appointment.motifName}
      </p>
      <p>
        {t('card.when', {
          date: displayDate(start.date, lang),
          from: hhmm(start.minute),
          to: hhmm(end.minute),
          minutes,
        })}
      </p>
      <p>
        {t('panel.status')} : {t(`status.${appointment.status}`)}
      </p>
      {flags.length > 0 ? (
        <ul className="appointment-card__flags">
          {flags.map((flag) => (
            <li key={flag}>{flag}</li>
          ))}
        </ul>
      ) : null}
      {appointment.comment ? <p className="appointment-card__comment">{appointment.comment}</p> : null}
    </div>,
    document.body,
  );
}
