import { type PointerEvent as ReactPointerEvent, useId, useState } from 'react';
import type { Appointment } from '../../../contracts/scheduling';
import { hhmm, localParts } from '../../shared/zoned-time';
import { useI18n } from '../i18n';
import { AppointmentCard } from './appointment-card';
import { shortMotif } from './layout';

interface BlockProps {
  appointment: Appointment;
  timeZone: string;
  top: number;
  height: number;
  selected: boolean;
  dimmed: boolean;
  /** narrow columns (a week of several practitioners): name and short motif, the rest in the card */
  narrow: boolean;
  onPointerDown: (event: ReactPointerEvent, mode: 'move' | 'resize') => void;
  onOpen: () => void;
}

const statusMark: Partial<Record<Appointment['status'], string>> = {
  waiting_room: '⏳',
  seen: '✓',
  excused: '↺',
  not_excused: '✗',
  cancelled: '⊘',
};

/**
 * One appointment in the grid: a button (Enter opens it), draggable, with a handle to resize. Hovered
 * or focused, it shows its card (patient, motif, times, status, flags).
 */
export function AppointmentBlock({
  appointment,
  timeZone,
  top,
  height,
  selected,
  dimmed,
  narrow,
  onPointerDown,
  onOpen,
}: BlockProps) {
  const { t } = useI18n();
  const cardId = useId();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const start = localParts(Date.parse(appointment.startsAt), timeZone).minute;
  const end = localParts(Date.parse(appointment.endsAt), timeZone).minute;
  const name = `${appointment.patient.lastName.toUpperCase()} ${appointment.patient.firstName}`;
  const label = `${hhmm(start)}–${hhmm(end)}, ${name}, ${appointment.motifName}, ${t(`status.${appointment.status}`)}`;
  const compact = height < 34;
  const motif = narrow ? shortMotif(appointment.motifName) : appointment.motifName;
  const show = (event: { currentTarget: HTMLElement }) => setAnchor(event.currentTarget);
  const hide = () => setAnchor(null);
  return (
    <div
      className={`agenda-appointment${selected ? ' is-selected' : ''}${dimmed ? ' is-dimmed' : ''}${appointment.cancelledAt ? ' is-cancelled' : ''}${narrow ? ' is-narrow' : ''} status-${appointment.status}`}
      style={{ top, height, ['--motif' as string]: appointment.colour }}
    >
      <button
        type="button"
        className="agenda-appointment__body"
        aria-label={label}
        aria-pressed={selected}
        aria-describedby={anchor ? cardId : undefined}
        onPointerDown={(event) => {
          hide();
          onPointerDown(event, 'move');
        }}
        onPointerEnter={show}
        onPointerLeave={hide}
        onFocus={show}
        onBlur={hide}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && anchor) {
            event.stopPropagation();
            hide();
          }
        }}
        onClick={onOpen}
      >
        <span className="agenda-appointment__line">
          {narrow ? null : (
            <>
              <span className="agenda-appointment__time">{hhmm(start)}</span>{' '}
            </>
          )}
          <strong>{narrow ? appointment.patient.lastName.toUpperCase() : name}</strong>
          {statusMark[appointment.status] ? (
            <span aria-hidden="true"> {statusMark[appointment.status]}</span>
          ) : null}
          {appointment.carteVitale ? <span className="agenda-appointment__badge">CV</span> : null}
          {compact ? <span className="agenda-appointment__motif-inline"> · {motif}</span> : null}
        </span>
        {compact ? null : <span className="agenda-appointment__motif">{motif}</span>}
      </button>
      {appointment.cancelledAt ? null : (
        <span
          className="agenda-appointment__resize"
          aria-hidden="true"
          onPointerDown={(event) => onPointerDown(event, 'resize')}
        />
      )}
      {anchor && !dimmed ? (
        <AppointmentCard id={cardId} appointment={appointment} timeZone={timeZone} anchor={anchor} />
      ) : null}
    </div>
  );
}
