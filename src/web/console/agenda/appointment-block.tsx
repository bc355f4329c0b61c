import type { PointerEvent as ReactPointerEvent } from 'react';
import type { Appointment } from '../../../contracts/scheduling';
import { hhmm, localParts } from '../../shared/zoned-time';
import { useI18n } from '../i18n';

interface BlockProps {
  appointment: Appointment;
  timeZone: string;
  top: number;
  height: number;
  selected: boolean;
  dimmed: boolean;
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

/** One appointment in the grid: a button (Enter opens it), draggable, with a handle to resize. */
export function AppointmentBlock({
  appointment,
  timeZone,
  top,
  height,
  selected,
  dimmed,
  onPointerDown,
  onOpen,
}: BlockProps) {
  const { t } = useI18n();
  const start = localParts(Date.parse(appointment.startsAt), timeZone).minute;
  const end = localParts(Date.parse(appointment.endsAt), timeZone).minute;
  const name = `${appointment.patient.lastName.toUpperCase()} ${appointment.patient.firstName}`;
  const label = `${hhmm(start)}–${hhmm(end)}, ${name}, ${appointment.motifName}, ${t(`status.${appointment.status}`)}`;
  const compact = height < 34;
  return (
    <div
      className={`agenda-appointment${selected ? ' is-selected' : ''}${dimmed ? ' is-dimmed' : ''}${appointment.cancelledAt ? ' is-cancelled' : ''} status-${appointment.status}`}
      style={{ top, height, ['--motif' as string]: appointment.colour }}
    >
      <button
        type="button"
        className="agenda-appointment__body"
        aria-label={label}
        aria-pressed={selected}
        onPointerDown={(event) => onPointerDown(event, 'move')}
        onClick={onOpen}
      >
        <span className="agenda-appointment__line">
          <span className="agenda-appointment__time">{hhmm(start)}</span> <strong>{name}</strong>
          {statusMark[appointment.status] ? (
            <span aria-hidden="true"> {statusMark[appointment.status]}</span>
          ) : null}
          {appointment.carteVitale ? <span className="agenda-appointment__badge">CV</span> : null}
        </span>
        {compact ? null : <span className="agenda-appointment__motif">{appointment.motifName}</span>}
      </button>
      {appointment.cancelledAt ? null : (
        <span
          className="agenda-appointment__resize"
          aria-hidden="true"
          onPointerDown={(event) => onPointerDown(event, 'resize')}
        />
      )}
    </div>
  );
}
