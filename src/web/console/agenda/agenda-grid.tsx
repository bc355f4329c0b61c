import { type ReactNode, type PointerEvent as ReactPointerEvent, useRef, useState } from 'react';
import type { Agenda, Appointment } from '../../../contracts/scheduling';
import { hhmm, localParts, zonedInstant } from '../../shared/zoned-time';
import { useI18n } from '../i18n';
import { AppointmentBlock } from './appointment-block';
import { type Column, collides, place, snap } from './layout';

export const pxPerMinute = 1.6;

/**
 * The columns of the grid and of its header: the hours, then one column per day and practitioner. A
 * week of several practitioners lets columns narrow down to 2.75rem, so that Monday to Friday of three
 * practitioners fit a 1366 px screen without scrolling sideways.
 */
export function gridTemplate(count: number, narrow: boolean): string {
  return `3.5rem repeat(${count}, minmax(${narrow ? '2.75rem' : '5.5rem'}, 1fr))`;
}

export interface GridTarget {
  date: string;
  practitionerId: string;
  minute: number;
}

interface GridProps {
  columns: Column[];
  dates: string[];
  names: Map<string, string>;
  agenda: Agenda;
  range: { start: number; end: number };
  timeZone: string;
  grid: number;
  showCancelled: boolean;
  /** a week of several practitioners: narrow columns, compact blocks */
  narrow: boolean;
  selectedId: string | null;
  onSlot: (target: GridTarget) => void;
  onSelect: (appointment: Appointment) => void;
  onMove: (appointment: Appointment, target: GridTarget) => void;
  onResize: (appointment: Appointment, endMinute: number) => void;
}

interface Drag {
  mode: 'move' | 'resize';
  appointment: Appointment;
  pointerId: number;
  startX: number;
  startY: number;
  /** minutes between the block's top and the pointer when grabbed */
  grabMinutes: number;
  durationMinutes: number;
  moved: boolean;
  target: GridTarget;
  endMinute: number;
}

/**
 * The agenda grid: one column per day and practitioner, opening ranges shaded, absences and holidays
 * marked, appointments as buttons coloured by motif. A click on free time books it; a block can be
 * dragged to another time or practitioner, and its bottom edge pulled to change its length — the ghost
 * turns red when it would overlap another appointment, before anything is sent.
 */
export function AgendaGrid(props: GridProps) {
  const { columns, range, timeZone, grid, agenda } = props;
  const { t } = useI18n();
  const [drag, setDrag] = useState<Drag | null>(null);
  const dragRef = useRef<Drag | null>(null);
  /** when the last drag ended: the click that follows a drop must not open the appointment */
  const droppedAt = useRef(0);
  const dates = new Set(props.dates);
  const height = (range.end - range.start) * pxPerMinute;

  const minuteAt = (clientY: number, column: HTMLElement) =>
    range.start + (clientY - column.getBoundingClientRect().top) / pxPerMinute;
  const columnAt = (x: number, y: number) =>
    document
      .elementsFromPoint(x, y)
      .find(
        (element): element is HTMLElement => element instanceof HTMLElement && !!element.dataset.columnKey,
      );

  const update = (next: Drag | null) => {
    dragRef.current = next;
    setDrag(next);
  };

  const startDrag = (event: ReactPointerEvent, appointment: Appointment, mode: 'move' | 'resize') => {
    if (event.button !== 0 || appointment.cancelledAt) return;
    const start = localParts(Date.parse(appointment.startsAt), timeZone);
    const end = localParts(Date.parse(appointment.endsAt), timeZone);
    const column = columnAt(event.clientX, event.clientY);
    const pointerMinute = column ? minuteAt(event.clientY, column) : start.minute;
    (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
    update({
      mode,
      appointment,
      pointerId: event.pointerId,
      startX: event.clientX,
      startY: event.clientY,
      grabMinutes: pointerMinute - start.minute,
      durationMinutes: end.minute - start.minute,
      moved: false,
      target: { date: start.date, practitionerId: appointment.practitionerId, minute: start.minute },
      endMinute: end.minute,
    });
    event.stopPropagation();
  };

  const onPointerMove = (event: ReactPointerEvent) => {
    const current = dragRef.current;
    if (!current || event.pointerId !== current.pointerId) return;
    const moved =
      current.moved ||
      Math.abs(event.clientX - current.startX) + Math.abs(event.clientY - current.startY) > 4;
    if (!moved) return;
    if (current.mode === 'resize') {
      const column = columnAt(current.startX, event.clientY) ?? columnAt(event.clientX, event.clientY);
      if (!column) return;
      const endMinute = Math.max(current.target.minute + grid, snap(minuteAt(event.clientY, column), grid));
      update({ ...current, moved, endMinute: Math.min(endMinute, range.end) });
      return;
    }
    const column = columnAt(event.clientX, event.clientY);
    if (!column) return;
    const [date = '', practitionerId = ''] = (column.dataset.columnKey ?? '').split('|');
    const minute = snap(minuteAt(event.clientY, column) - current.grabMinutes, grid);
    const clamped = Math.max(range.start, Math.min(range.end - current.durationMinutes, minute));
    update({
      ...current,
      moved,
      target: { date, practitionerId, minute: clamped },
      endMinute: clamped + current.durationMinutes,
    });
  };

  const onPointerUp = (event: ReactPointerEvent) => {
    const current = dragRef.current;
    if (!current || event.pointerId !== current.pointerId) return;
    update(null);
    if (!current.moved) return;
    droppedAt.current = Date.now();
    if (current.mode === 'resize') props.onResize(current.appointment, current.endMinute);
    else props.onMove(current.appointment, current.target);
  };

  const ghostConflict =
    drag?.moved &&
    collides(
      agenda.appointments,
      drag.target.practitionerId,
      zonedInstant(drag.target.date, drag.target.minute, timeZone),
      zonedInstant(drag.target.date, drag.endMinute, timeZone),
      drag.appointment.id,
    );

  const visibleAppointments = agenda.appointments.filter((item) => props.showCancelled || !item.cancelledAt);

  return (
    <div
      className={`agenda-grid${drag?.moved ? ' is-dragging' : ''}`}
      style={{ gridTemplateColumns: gridTemplate(columns.length, props.narrow) }}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => update(null)}
    >
      <div className="agenda-grid__times" style={{ height }} aria-hidden="true">
        {Array.from({ length: (range.end - range.start) / 60 }, (_, index) => range.start + index * 60).map(
          (minute) => (
            <span key={minute} style={{ top: (minute - range.start) * pxPerMinute }}>
              {hhmm(minute)}
            </span>
          ),
        )}
      </div>
      {columns.map((column, index) => (
        <GridColumn
          key={column.key}
          column={column}
          dayStart={index > 0 && columns[index - 1]?.date !== column.date}
          label={t('agenda.grid', { date: column.date, name: props.names.get(column.practitionerId) ?? '' })}
          height={height}
          agenda={agenda}
          dates={dates}
          range={range}
          timeZone={timeZone}
          grid={grid}
          onSlot={props.onSlot}
          slotLabel={(minute) =>
            t('agenda.emptySlot', { time: hhmm(minute), name: props.names.get(column.practitionerId) ?? '' })
          }
        >
          {visibleAppointments.map((appointment) => {
            const placed = place(
              appointment.startsAt,
              appointment.endsAt,
              appointment.practitionerId,
              dates,
              timeZone,
              range,
            );
            if (!placed || placed.columnKey !== column.key) return null;
            const dragged = drag?.moved && drag.appointment.id === appointment.id;
            return (
              <AppointmentBlock
                key={appointment.id}
                appointment={appointment}
                timeZone={timeZone}
                top={placed.top * pxPerMinute}
                height={placed.height * pxPerMinute}
                selected={props.selectedId === appointment.id}
                dimmed={!!dragged}
                narrow={props.narrow}
                onPointerDown={(event, mode) => startDrag(event, appointment, mode)}
                onOpen={() => {
                  if (Date.now() - droppedAt.current > 300) props.onSelect(appointment);
                }}
              />
            );
          })}
          {drag?.moved && `${drag.target.date}|${drag.target.practitionerId}` === column.key ? (
            <div
              className={`agenda-ghost${ghostConflict ? ' is-conflict' : ''}`}
              style={{
                top: (drag.target.minute - range.start) * pxPerMinute,
                height: (drag.endMinute - drag.target.minute) * pxPerMinute,
              }}
              role="status"
            >
              {hhmm(drag.target.minute)}–{hhmm(drag.endMinute)}
              {ghostConflict ? <span> · {t('agenda.conflict')}</span> : null}
            </div>
          ) : null}
        </GridColumn>
      ))}
    </div>
  );
}

interface ColumnProps {
  column: Column;
  /** the first column of a day after another day: a stronger line between days */
  dayStart: boolean;
  label: string;
  height: number;
  agenda: Agenda;
  dates: Set<string>;
  range: { start: number; end: number };
  timeZone: string;
  grid: number;
  onSlot: (target: GridTarget) => void;
  slotLabel: (minute: number) => string;
  children: ReactNode;
}

function GridColumn(props: ColumnProps) {
  const { column, agenda, dates, range, timeZone } = props;
  const { t } = useI18n();
  const holiday = agenda.holidays.find((item) => item.date === column.date);
  const layers = (items: { practitionerId: string; start: string; end: string }[]) =>
    items
      .filter((item) => item.practitionerId === column.practitionerId)
      .map((item) => ({
        item,
        placed: place(item.start, item.end, item.practitionerId, dates, timeZone, range),
      }))
      .filter((entry) => entry.placed?.columnKey === column.key);

  return (
    // Clicking free time is a mouse shortcut; keyboard users book with "New appointment" (key N), which
    // asks for the same date, time and practitioner.
    // biome-ignore lint/a11y/useKeyWithClickEvents: see above
    // biome-ignore lint/a11y/useSemanticElements: a column of time is a group (its label names the day and the practitioner), not a form fieldset
    <div
      className={`agenda-column${props.dayStart ? ' is-day-start' : ''}`}
      data-column-key={column.key}
      role="group"
      aria-label={props.label}
      style={{ height: props.height }}
      onClick={(event) => {
        if (
          event.target !== event.currentTarget &&
          !(event.target as HTMLElement).classList.contains('agenda-opening')
        )
          return;
        const minute =
          Math.floor(
            (range.start + (event.clientY - event.currentTarget.getBoundingClientRect().top) / pxPerMinute) /
              props.grid,
          ) * props.grid;
        props.onSlot({ date: column.date, practitionerId: column.practitionerId, minute });
      }}
    >
      {layers(agenda.openings).map(({ item, placed }) => (
        <div
          key={`o${item.start}`}
          className="agenda-opening"
          style={{ top: (placed?.top ?? 0) * pxPerMinute, height: (placed?.height ?? 0) * pxPerMinute }}
          title={props.slotLabel(localParts(Date.parse(item.start), timeZone).minute)}
        />
      ))}
      {layers(agenda.absences).map(({ item, placed }) => (
        <div
          key={`a${item.start}`}
          className="agenda-absence"
          style={{ top: (placed?.top ?? 0) * pxPerMinute, height: (placed?.height ?? 0) * pxPerMinute }}
        >
          <span>
            {('title' in item && typeof item.title === 'string' && item.title) || t('agenda.absence')}
          </span>
        </div>
      ))}
      {holiday ? <div className="agenda-holiday">{t('agenda.holiday', { name: holiday.name })}</div> : null}
      {props.children}
    </div>
  );
}
