import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import type { AppointmentDetail, AppointmentStatusName } from '../../../contracts/scheduling';
import type { StaffMe } from '../../../contracts/staff-auth';
import { api } from '../../shared/api';
import { displayDate } from '../../shared/dates';
import { Alert } from '../../shared/ui/alert';
import { Button } from '../../shared/ui/button';
import { Dialog } from '../../shared/ui/dialog';
import { ErrorAlert } from '../../shared/ui/error-alert';
import { hhmm, localParts } from '../../shared/zoned-time';
import { useI18n } from '../i18n';
import type { ConsoleKey } from '../i18n/fr';
import { displayPhone } from '../patients/format';
import { CancelDialog } from './cancel-dialog';
import type { ReferenceData } from './use-agenda-data';

const statuses: Exclude<AppointmentStatusName, 'cancelled'>[] = [
  'unknown',
  'waiting_room',
  'seen',
  'excused',
  'not_excused',
];

interface Props {
  appointmentId: string;
  me: StaffMe;
  reference: ReferenceData;
  /** bumped by the agenda when the appointment may have changed (live update) */
  version: number;
  onEdit: (detail: AppointmentDetail) => void;
  onChanged: (message?: string) => void;
  onClose: () => void;
}

/** The side panel of an appointment (RDV-1): summary, status buttons, history, change, cancel, delete. */
export function AppointmentPanel({
  appointmentId,
  me,
  reference,
  version,
  onEdit,
  onChanged,
  onClose,
}: Props) {
  const { t, lang } = useI18n();
  const [detail, setDetail] = useState<AppointmentDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const timeZone = me.practice.timeZone;

  const load = useCallback(async () => {
    try {
      setDetail(await api.get<AppointmentDetail>(`/api/console/appointments/${appointmentId}`));
      setError(null);
    } catch (caught) {
      setError(caught);
    }
  }, [appointmentId]);

  useEffect(() => {
    // `version` changes when the agenda heard of a change: read the appointment again
    if (version >= 0) void load();
  }, [load, version]);
  useEffect(() => {
    if (appointmentId) heading.current?.focus();
  }, [appointmentId]);

  const act = async (work: () => Promise<unknown>, message?: string) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      await load();
      onChanged(message);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const noticeLabel = (kind: string) => {
    const key = `notice.${kind}` as ConsoleKey;
    return kind.startsWith('appointment_') ? t(key) : t('notice.other');
  };
  const practitioner = reference.practitioners.find((member) => member.id === detail?.practitionerId);
  const location = reference.locations.find((site) => site.id === detail?.locationId);
  const start = detail ? localParts(Date.parse(detail.startsAt), timeZone) : null;
  const end = detail ? localParts(Date.parse(detail.endsAt), timeZone) : null;
  const when = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fr-FR', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone,
  });

  return (
    <aside className="appointment-panel" aria-labelledby="appointment-panel-title">
      <header className="appointment-panel__header">
        <h2 id="appointment-panel-title" tabIndex={-1} ref={heading}>
          {t('panel.title')}
        </h2>
        <button type="button" className="dialog__close" onClick={onClose} aria-label={t('panel.close')}>
          ×
        </button>
      </header>
      <ErrorAlert error={error} withFields />
      {!detail ? (
        <p className="loading">{t('common.loading')}</p>
      ) : (
        <>
          <p className="appointment-panel__patient">
            <strong>
              {detail.patient.lastName.toUpperCase()} {detail.patient.firstName}
            </strong>
            <br />
            <span className="muted">{displayDate(detail.patient.birthDate, lang)}</span>
            {detail.patient.mobilePhone ? (
              <>
                <br />
                {t('panel.phone')} :{' '}
                <a href={`tel:${detail.patient.mobilePhone}`}>{displayPhone(detail.patient.mobilePhone)}</a>
              </>
            ) : null}
            <br />
            <Link href={`/patients/${detail.patient.id}`}>{t('panel.openFile')}</Link>
          </p>
          <dl className="appointment-panel__facts">
            <dt>{t('appointment.date')}</dt>
            <dd>
              {start ? displayDate(start.date, lang) : ''} · {start ? hhmm(start.minute) : ''}–
              {end ? hhmm(end.minute) : ''}
            </dd>
            <dt>{t('appointment.motif')}</dt>
            <dd>
              <span className="swatch" style={{ background: detail.colour }} aria-hidden="true" />{' '}
              {detail.motifName}
            </dd>
            <dt>{t('appointment.practitioner')}</dt>
            <dd>
              {practitioner
                ? [practitioner.title, practitioner.firstName, practitioner.lastName]
                    .filter(Boolean)
                    .join(' ')
                : ''}
            </dd>
            <dt>{t('appointment.location')}</dt>
            <dd>{location?.name ?? ''}</dd>
            {detail.comment ? (
              <>
                <dt>{t('appointment.comment')}</dt>
                <dd className="appointment-panel__comment">{detail.comment}</dd>
              </>
            ) : null}
          </dl>
          <p className="muted small">
            {t(`appointment.channel.${detail.channel}`)}
            {detail.firstVisit ? ` · ${t('appointment.firstVisit')}` : ''}
          </p>
          {detail.carteVitale ? <Alert tone="info">{t('appointment.carteVitale')}</Alert> : null}
          {detail.cancelledBy ? (
            <Alert tone="info">{t(`panel.cancelledBy.${detail.cancelledBy}`)}</Alert>
          ) : null}

          <fieldset className="status-buttons" disabled={busy}>
            <legend>{t('panel.status')}</legend>
            {statuses
              .filter((status) => !detail.cancelledAt || status === 'excused' || status === 'not_excused')
              .map((status) => (
                <button
                  key={status}
                  type="button"
                  className={`status-button status-${status}`}
                  aria-pressed={detail.status === status}
                  onClick={() =>
                    void act(() => api.post(`/api/console/appointments/${detail.id}/status`, { status }))
                  }
                >
                  {t(`status.${status}`)}
                </button>
              ))}
          </fieldset>

          <div className="form-actions">
            {detail.cancelledAt ? null : (
              <>
                <Button variant="secondary" onClick={() => onEdit(detail)}>
                  {t('panel.modify')}
                </Button>
                <Button variant="secondary" onClick={() => setCancelling(true)}>
                  {t('panel.cancel')}
                </Button>
              </>
            )}
            {me.role === 'admin' ? (
              <Button variant="danger" onClick={() => setDeleting(true)}>
                {t('panel.delete')}
              </Button>
            ) : null}
          </div>

          <section aria-labelledby="messages-title">
            <h3 id="messages-title">{t('panel.messages')}</h3>
            {detail.notifications.length === 0 ? (
              <p className="muted small">{t('panel.noMessages')}</p>
            ) : null}
            <ul className="appointment-messages">
              {detail.notifications.map((message) => (
                <li key={`${message.kind}-${message.channel}-${message.createdAt}`}>
                  {noticeLabel(message.kind)} · {t(`outbox.channel.${message.channel}`)} ·{' '}
                  <span className={`badge badge--${message.status}`}>
                    {t(`outbox.status.${message.status}`)}
                  </span>
                  {message.lastError ? <span className="field__error"> {message.lastError}</span> : null}
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="history-title">
            <h3 id="history-title">{t('panel.history')}</h3>
            <ol className="appointment-history">
              {detail.history.map((event) => (
                <li key={`${event.at}-${event.action}-${String(event.details?.to ?? '')}`}>
                  <time dateTime={event.at}>{when.format(new Date(event.at))}</time> ·{' '}
                  {event.action === 'status_changed'
                    ? t('history.status_changed', {
                        status: t(`status.${String(event.details?.to ?? 'unknown')}` as ConsoleKey),
                      })
                    : t(`history.${event.action}` as ConsoleKey)}
                  {event.actorKind === 'staff' && event.actorName
                    ? ` ${t('history.by', { name: event.actorName })}`
                    : ''}
                  {event.actorKind === 'patient' ? ` ${t('history.byPatient')}` : ''}
                  {event.actorKind === 'public' ? ` ${t('history.online')}` : ''}
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
      {cancelling && detail ? (
        <CancelDialog
          appointmentId={detail.id}
          onClose={() => setCancelling(false)}
          onCancelled={() => {
            setCancelling(false);
            void load();
            onChanged(t('cancel.done'));
          }}
        />
      ) : null}
      {deleting && detail ? (
        <Dialog
          title={t('panel.delete')}
          open
          onClose={() => setDeleting(false)}
          closeLabel={t('common.close')}
        >
          <p>{t('panel.deleteConfirm')}</p>
          <div className="form-actions">
            <Button
              variant="danger"
              busy={busy}
              onClick={() =>
                void act(async () => {
                  await api.delete(`/api/console/appointments/${detail.id}`);
                  setDeleting(false);
                  onClose();
                }, t('panel.deleted'))
              }
            >
              {t('panel.delete')}
            </Button>
            <Button variant="secondary" onClick={() => setDeleting(false)}>
              {t('common.close')}
            </Button>
          </div>
        </Dialog>
      ) : null}
    </aside>
  );
}
