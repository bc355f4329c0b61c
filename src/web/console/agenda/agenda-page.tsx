import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Appointment, AppointmentDetail, SlotItem } from '../../../contracts/scheduling';
import type { StaffMe } from '../../../contracts/staff-auth';
import { Alert } from '../../shared/ui/alert';
import { Button } from '../../shared/ui/button';
import { Dialog } from '../../shared/ui/dialog';
import { ErrorAlert } from '../../shared/ui/error-alert';
import { addDays, localParts, weekdayOfDate, zonedInstant } from '../../shared/zoned-time';
import { useI18n } from '../i18n';
import type { PickedPatient } from '../patients/patient-picker';
import { AgendaDaysHeader } from './agenda-days-header';
import { AgendaGrid, type GridTarget } from './agenda-grid';
import { AgendaToolbar } from './agenda-toolbar';
import { AppointmentDialog, type AppointmentDraft } from './appointment-dialog';
import { AppointmentPanel } from './appointment-panel';
import { FindSlotDialog } from './find-slot-dialog';
import { type AgendaView, buildColumns, collides, displayedMinutes, visibleDates, windowOf } from './layout';
import { MoveConfirmDialog, type Placement } from './move-confirm-dialog';
import { ShortcutsDialog } from './shortcuts-dialog';
import { UndoToast } from './undo-toast';
import { useAgenda, useLiveAgenda, useReferenceData } from './use-agenda-data';
import { useAgendaLink } from './use-agenda-links';
import { useChangeFlow } from './use-change-flow';
import { usePersistentState } from './use-persistent-state';
import './agenda.css';

type Overlay =
  | { kind: 'appointment'; draft: AppointmentDraft }
  | { kind: 'find'; initial?: { patient?: PickedPatient; practitionerId?: string; motifId?: string } }
  | { kind: 'help' };

/**
 * The staff agenda (RDV-1…3): day and week views, several practitioners side by side (a week of three
 * fits 1366 px), live updates, booking from a free slot, drag to move and resize (confirmed, with the
 * patient's notice optional, and Undo), the appointment panel, "find a slot", shortcuts, and links
 * from the patient file (`?book=`, `?appointment=`).
 */
export function AgendaPage({ me }: { me: StaffMe }) {
  const { t, lang } = useI18n();
  const timeZone = me.practice.timeZone;
  const today = localParts(Date.now(), timeZone).date;
  const { data: reference, error: referenceError } = useReferenceData();
  const [view, setView] = usePersistentState<AgendaView>(
    'sourire.agenda.view',
    window.innerWidth < 700 ? 'day' : 'week',
  );
  const [anchor, setAnchor] = useState(today);
  const [shownIds, setShownIds] = usePersistentState<string[] | null>(`sourire.agenda.shown.${me.id}`, null);
  const [showCancelled, setShowCancelled] = usePersistentState('sourire.agenda.cancelled', false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [overlay, setOverlay] = useState<Overlay | null>(null);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [panelVersion, setPanelVersion] = useState(0);

  const visible = (reference?.practitioners ?? []).filter((member) => member.visible);
  const shown = (shownIds ?? visible.map((member) => member.id)).filter((id) =>
    visible.some((member) => member.id === id),
  );
  const weekDates =
    view === 'day' ? [anchor] : visibleDates('week', anchor, { saturday: true, sunday: true });
  const span = windowOf(weekDates, timeZone, zonedInstant);
  const { agenda, error, loading, reload } = useAgenda(span.from, span.to, shown);
  const refresh = useCallback(async () => {
    setPanelVersion((version) => version + 1);
    await reload();
  }, [reload]);
  const flow = useChangeFlow({ refresh, onMessage: setMessage });
  const live = useLiveAgenda(shown, () => void refresh());

  useAgendaLink(
    (link) => {
      if (link.kind === 'book') {
        setOverlay({
          kind: 'find',
          initial: {
            patient: link.patient,
            ...(link.practitionerId ? { practitionerId: link.practitionerId } : {}),
            ...(link.motifId ? { motifId: link.motifId } : {}),
          },
        });
        return;
      }
      const { appointment } = link;
      setAnchor(localParts(Date.parse(appointment.startsAt), timeZone).date);
      if (!shown.includes(appointment.practitionerId)) setShownIds([...shown, appointment.practitionerId]);
      setSelectedId(appointment.id);
    },
    () => setMessage({ tone: 'error', text: t('link.notFound') }),
  );

  const busyWeekend = useMemo(() => {
    const days = new Set(
      [
        ...(agenda?.openings ?? []).map((item) => item.start),
        ...(agenda?.appointments ?? []).map((item) => item.startsAt),
      ].map((instant) => weekdayOfDate(localParts(Date.parse(instant), timeZone).date)),
    );
    return { saturday: days.has(6), sunday: days.has(7) };
  }, [agenda, timeZone]);
  const dates = visibleDates(view, anchor, busyWeekend);
  const columns = buildColumns(dates, shown);
  const range = displayedMinutes(agenda, timeZone);
  const names = new Map(
    visible.map((member) => [member.id, [member.title, member.lastName].filter(Boolean).join(' ')]),
  );
  const lastNames = new Map(visible.map((member) => [member.id, member.lastName]));
  const narrow = view === 'week' && shown.length > 1;
  // the dropped change shows where it was dropped until it is confirmed (or cancelled: back in place)
  const moving = flow.shown;
  const shownAgenda =
    agenda && moving
      ? {
          ...agenda,
          appointments: agenda.appointments.map((item) =>
            item.id === moving.appointment.id ? { ...item, ...moving.after } : item,
          ),
        }
      : agenda;

  const step = useCallback(
    (direction: -1 | 1) => setAnchor((date) => addDays(date, direction * (view === 'day' ? 1 : 7))),
    [view],
  );
  const newAppointment = useCallback(
    (target?: GridTarget) => {
      const practitionerId = target?.practitionerId ?? shown[0] ?? visible[0]?.id ?? '';
      const date = target?.date ?? anchor;
      const minute = target?.minute ?? 9 * 60;
      const instant = zonedInstant(date, minute, timeZone);
      const opening = agenda?.openings.find(
        (item) =>
          item.practitionerId === practitionerId &&
          Date.parse(item.start) <= instant &&
          Date.parse(item.end) > instant,
      );
      setOverlay({
        kind: 'appointment',
        draft: {
          kind: 'create',
          date,
          minute,
          practitionerId,
          ...(opening ? { locationId: opening.locationId } : {}),
        },
      });
    },
    [agenda, anchor, shown, visible, timeZone],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (
        overlay ||
        event.ctrlKey ||
        event.metaKey ||
        event.altKey ||
        /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)
      )
        return;
      const key = event.key.toLowerCase();
      const actions: Record<string, () => void> = {
        t: () => setAnchor(today),
        arrowleft: () => step(-1),
        arrowright: () => step(1),
        j: () => setView('day'),
        d: () => setView('day'),
        s: () => setView('week'),
        w: () => setView('week'),
        n: () => newAppointment(),
        r: () => setOverlay({ kind: 'find' }),
        f: () => setOverlay({ kind: 'find' }),
        '?': () => setOverlay({ kind: 'help' }),
        escape: () => setSelectedId(null),
        '0': () => setShownIds(null),
      };
      visible.slice(0, 9).forEach((member, index) => {
        actions[String(index + 1)] = () => setShownIds([member.id]);
      });
      const action = actions[key];
      if (action) {
        event.preventDefault();
        action();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [overlay, today, step, setView, newAppointment, visible, setShownIds]);

  const placementOf = (appointment: Appointment): Placement => ({
    startsAt: appointment.startsAt,
    endsAt: appointment.endsAt,
    practitionerId: appointment.practitionerId,
    locationId: appointment.locationId,
  });

  const move = (appointment: Appointment, target: GridTarget) => {
    const duration = Date.parse(appointment.endsAt) - Date.parse(appointment.startsAt);
    const start = zonedInstant(target.date, target.minute, timeZone);
    if (start === Date.parse(appointment.startsAt) && target.practitionerId === appointment.practitionerId)
      return;
    if (
      agenda &&
      collides(agenda.appointments, target.practitionerId, start, start + duration, appointment.id)
    ) {
      setMessage({ tone: 'error', text: t('agenda.conflict') });
      return;
    }
    const before = placementOf(appointment);
    flow.propose({
      kind: 'move',
      appointment,
      before,
      after: {
        ...before,
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(start + duration).toISOString(),
        practitionerId: target.practitionerId,
      },
    });
  };

  const resize = (appointment: Appointment, endMinute: number) => {
    const day = localParts(Date.parse(appointment.startsAt), timeZone).date;
    const end = zonedInstant(day, endMinute, timeZone);
    if (end === Date.parse(appointment.endsAt)) return;
    if (
      agenda &&
      collides(
        agenda.appointments,
        appointment.practitionerId,
        Date.parse(appointment.startsAt),
        end,
        appointment.id,
      )
    ) {
      setMessage({ tone: 'error', text: t('agenda.conflict') });
      return;
    }
    const before = placementOf(appointment);
    flow.propose({
      kind: 'resize',
      appointment,
      before,
      after: { ...before, endsAt: new Date(end).toISOString() },
    });
  };

  const title =
    view === 'day'
      ? new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fr-FR', {
          dateStyle: 'full',
          timeZone: 'UTC',
        }).format(new Date(`${anchor}T12:00:00Z`))
      : t('agenda.weekOf', {
          from: shortDate(dates[0] ?? anchor, lang),
          to: shortDate(dates.at(-1) ?? anchor, lang),
        });

  if (referenceError) return <ErrorAlert error={referenceError} withFields />;
  if (!reference) return <p className="loading">{t('agenda.loading')}</p>;

  return (
    <div className={`agenda-page${selectedId ? ' has-panel' : ''}${narrow ? ' is-narrow-week' : ''}`}>
      <AgendaToolbar
        view={view}
        title={title}
        practitioners={reference.practitioners}
        shown={shown}
        showCancelled={showCancelled}
        live={live}
        onView={setView}
        onToday={() => setAnchor(today)}
        onStep={step}
        onShown={setShownIds}
        onShowCancelled={setShowCancelled}
        onNew={() => newAppointment()}
        onFind={() => setOverlay({ kind: 'find' })}
        onHelp={() => setOverlay({ kind: 'help' })}
      >
        {message ? (
          <div className="agenda-message">
            <Alert tone={message.tone}>{message.text}</Alert>
          </div>
        ) : null}
        <ErrorAlert error={error} withFields />
      </AgendaToolbar>
      {shown.length === 0 ? (
        <Alert tone="info">{t('agenda.noPractitioner')}</Alert>
      ) : (
        <div className="agenda-layout">
          <div className="agenda-scroll" aria-busy={loading}>
            <AgendaDaysHeader
              dates={dates}
              today={today}
              shown={shown}
              names={names}
              lastNames={lastNames}
              narrow={narrow}
            />
            {shownAgenda ? (
              <AgendaGrid
                columns={columns}
                dates={dates}
                names={names}
                agenda={shownAgenda}
                narrow={narrow}
                range={range}
                timeZone={timeZone}
                grid={shownAgenda.gridMinutes}
                showCancelled={showCancelled}
                selectedId={selectedId}
                onSlot={newAppointment}
                onSelect={(appointment) => setSelectedId(appointment.id)}
                onMove={move}
                onResize={resize}
              />
            ) : (
              <p className="loading">{t('agenda.loading')}</p>
            )}
            <p className="muted small">{t('agenda.dragHint')}</p>
          </div>
          {selectedId ? (
            <AppointmentPanel
              appointmentId={selectedId}
              me={me}
              reference={reference}
              version={panelVersion}
              onEdit={(detail: AppointmentDetail) =>
                setOverlay({ kind: 'appointment', draft: { kind: 'edit', appointment: detail } })
              }
              onChanged={(text) => {
                if (text) setMessage({ tone: 'success', text });
                void refresh();
              }}
              onClose={() => setSelectedId(null)}
            />
          ) : null}
        </div>
      )}
      {overlay?.kind === 'appointment' ? (
        <AppointmentDialog
          draft={overlay.draft}
          reference={reference}
          timeZone={timeZone}
          grid={agenda?.gridMinutes ?? 15}
          onClose={() => setOverlay(null)}
          onSaved={(saved) => {
            setOverlay(null);
            setMessage({ tone: 'success', text: t('appointment.saved') });
            setAnchor(localParts(Date.parse(saved.startsAt), timeZone).date);
            setSelectedId(saved.id);
            void refresh();
          }}
        />
      ) : null}
      {overlay?.kind === 'find' ? (
        <FindSlotDialog
          reference={reference}
          timeZone={timeZone}
          today={today}
          {...(overlay.initial ? { initial: overlay.initial } : {})}
          onClose={() => setOverlay(null)}
          onPick={(slot: SlotItem, motifId: string, patient: PickedPatient | null) => {
            const start = localParts(Date.parse(slot.start), timeZone);
            setOverlay({
              kind: 'appointment',
              draft: {
                kind: 'create',
                date: start.date,
                minute: start.minute,
                practitionerId: slot.practitionerId,
                locationId: slot.locationId,
                motifId,
                ...(patient ? { patient } : {}),
              },
            });
          }}
        />
      ) : null}
      {overlay?.kind === 'help' ? <ShortcutsDialog onClose={() => setOverlay(null)} /> : null}
      {flow.pending ? (
        <MoveConfirmDialog
          change={flow.pending}
          timeZone={timeZone}
          names={names}
          onConfirm={(notify) => {
            if (flow.pending) void flow.confirm(flow.pending, notify);
          }}
          onCancel={flow.cancel}
        />
      ) : null}
      {flow.question ? (
        <Dialog
          title={t('appointment.edit')}
          open
          onClose={() => flow.answer(false)}
          closeLabel={t('common.close')}
        >
          <p>
            {t('appointment.ownPractitioner', {
              patient: `${flow.question.change.appointment.patient.firstName} ${flow.question.change.appointment.patient.lastName}`,
              practitioner: flow.question.practitioner,
            })}
          </p>
          <div className="form-actions">
            <Button onClick={() => flow.answer(true)}>{t('appointment.patientAgreed')}</Button>
            <Button variant="secondary" onClick={() => flow.answer(false)}>
              {t('common.close')}
            </Button>
          </div>
        </Dialog>
      ) : null}
      {flow.done ? (
        <UndoToast
          key={`${flow.done.undo.appointmentId}:${flow.done.undo.version}`}
          text={flow.done.text}
          onUndo={() => void flow.undo()}
          onDismiss={flow.dismiss}
        />
      ) : null}
    </div>
  );
}

function shortDate(date: string, lang: 'fr' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fr-FR', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(new Date(`${date}T12:00:00Z`));
}
