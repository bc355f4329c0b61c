import { type FormEvent, useState } from 'react';
import type { Appointment, AppointmentDetail } from '../../../contracts/scheduling';
import { ApiError, api, isApiError } from '../../shared/api';
import { Alert } from '../../shared/ui/alert';
import { Button } from '../../shared/ui/button';
import { CheckboxField } from '../../shared/ui/checkbox-field';
import { Dialog } from '../../shared/ui/dialog';
import { ErrorAlert } from '../../shared/ui/error-alert';
import { TextField } from '../../shared/ui/field';
import { SelectField } from '../../shared/ui/select-field';
import { TextAreaField } from '../../shared/ui/textarea-field';
import { hhmm, localParts, minutesOfTime, zonedInstant } from '../../shared/zoned-time';
import { useI18n } from '../i18n';
import { ChosenPatient } from '../patients/chosen-patient';
import { PatientPicker, type PickedPatient } from '../patients/patient-picker';
import type { ReferenceData } from './use-agenda-data';

export type AppointmentDraft =
  | {
      kind: 'create';
      date: string;
      minute: number;
      practitionerId: string;
      locationId?: string;
      motifId?: string;
      /** chosen already (find a slot, a link from the patient file) */
      patient?: PickedPatient;
    }
  | { kind: 'edit'; appointment: AppointmentDetail };

interface Props {
  draft: AppointmentDraft;
  reference: ReferenceData;
  timeZone: string;
  grid: number;
  onSaved: (appointment: Appointment) => void;
  onClose: () => void;
}

interface OwnPractitionerWarning {
  name: string;
}

/**
 * Create (RDV-2) or change (RDV-6) an appointment: patient (search or create inline), motif (the
 * duration follows), practitioner, location, date and time, flags and comment. Answers of the server
 * are shown in place: a slot just taken, or the own-practitioner question (RDV-5) to confirm.
 */
export function AppointmentDialog({ draft, reference, timeZone, grid, onSaved, onClose }: Props) {
  const { t } = useI18n();
  const editing = draft.kind === 'edit' ? draft.appointment : null;
  const start = editing ? localParts(Date.parse(editing.startsAt), timeZone) : null;
  const initialMotif = editing?.motifId ?? (draft.kind === 'create' ? draft.motifId : undefined) ?? '';
  const [patient, setPatient] = useState<PickedPatient | null>(
    editing ? { ...editing.patient } : draft.kind === 'create' ? (draft.patient ?? null) : null,
  );
  const [motifId, setMotifId] = useState(initialMotif);
  const [practitionerId, setPractitionerId] = useState(
    editing?.practitionerId ?? (draft.kind === 'create' ? draft.practitionerId : ''),
  );
  const [locationId, setLocationId] = useState(
    editing?.locationId ??
      (draft.kind === 'create' ? draft.locationId : undefined) ??
      reference.locations[0]?.id ??
      '',
  );
  const [date, setDate] = useState(start?.date ?? (draft.kind === 'create' ? draft.date : ''));
  const [time, setTime] = useState(hhmm(start?.minute ?? (draft.kind === 'create' ? draft.minute : 540)));
  const [duration, setDuration] = useState(
    editing
      ? String(Math.round((Date.parse(editing.endsAt) - Date.parse(editing.startsAt)) / 60_000))
      : durationOf(reference, initialMotif, false),
  );
  const [firstVisit, setFirstVisit] = useState(editing?.firstVisit ?? false);
  const [carteVitale, setCarteVitale] = useState(editing?.carteVitale ?? false);
  const [comment, setComment] = useState(editing?.comment ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [warning, setWarning] = useState<OwnPractitionerWarning | null>(null);
  const [notify, setNotify] = useState(true);

  const practitioners = reference.practitioners.filter((member) => member.visible);
  // said before saving (issue 9 §2.10): another dentist than the patient's own needs their agreement
  const otherDentist =
    !!patient?.ownPractitionerId && !!practitionerId && patient.ownPractitionerId !== practitionerId;
  // asked as a drag asks (issue 9 §2.9), only when the server would tell the patient: a new start,
  // practitioner, location or motif; a comment, a flag or a new length is never sent to them
  const tellsPatient =
    !!editing &&
    (startOf(date, time, timeZone) !== Date.parse(editing.startsAt) ||
      practitionerId !== editing.practitionerId ||
      locationId !== editing.locationId ||
      motifId !== editing.motifId);
  const nameOf = (id: string) => {
    const member = reference.practitioners.find((candidate) => candidate.id === id);
    return member ? [member.title, member.firstName, member.lastName].filter(Boolean).join(' ') : '';
  };

  const chooseMotif = (id: string) => {
    setMotifId(id);
    setDuration(durationOf(reference, id, firstVisit));
  };
  const chooseFirstVisit = (value: boolean) => {
    setFirstVisit(value);
    if (!editing) setDuration(durationOf(reference, motifId, value));
  };

  const save = async (agreed: boolean) => {
    if (!patient) {
      setError(new ApiError(400, { code: 'VALIDATION_FAILED', message: t('appointment.pickPatient') }));
      return;
    }
    setBusy(true);
    setError(null);
    const startsAt = new Date(zonedInstant(date, minutesOfTime(time), timeZone)).toISOString();
    const minutes = Number(duration);
    try {
      const saved = editing
        ? await api.patch<Appointment>(`/api/console/appointments/${editing.id}`, {
            startsAt,
            endsAt: new Date(Date.parse(startsAt) + minutes * 60_000).toISOString(),
            practitionerId,
            locationId,
            ...(motifId !== editing.motifId ? { motifId } : {}),
            comment: comment.trim() || null,
            carteVitale,
            firstVisit,
            ...(agreed ? { patientAgreed: true } : {}),
            ...(tellsPatient ? { notifyPatient: notify } : {}),
          })
        : await api.post<Appointment>('/api/console/appointments', {
            practitionerId,
            locationId,
            motifId,
            patientId: patient.id,
            startsAt,
            durationMinutes: minutes,
            comment: comment.trim() || null,
            carteVitale,
            firstVisit,
            ...(agreed ? { patientAgreed: true } : {}),
          });
      onSaved(saved);
    } catch (caught) {
      if (isApiError(caught, 'CONFIRMATION_REQUIRED') && caught.details.reason === 'own_practitioner') {
        const own = caught.details.ownPractitioner;
        setWarning({ name: own ? [own.title, own.firstName, own.lastName].filter(Boolean).join(' ') : '' });
      } else {
        setError(caught);
      }
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setWarning(null);
    void save(false);
  };
  const fieldError = (path: string) => (error instanceof ApiError ? error.issueFor(path) : undefined);
  const slotTaken = error instanceof ApiError && error.code === 'SLOT_TAKEN';

  return (
    <Dialog
      title={editing ? t('appointment.edit') : t('appointment.new')}
      open
      onClose={onClose}
      closeLabel={t('common.close')}
      wide
    >
      <form onSubmit={submit} noValidate className="appointment-form">
        <fieldset className="appointment-form__patient">
          <legend>{t('appointment.patient')}</legend>
          {patient ? (
            <ChosenPatient
              patient={patient}
              className="appointment-form__chosen"
              changeLabel={t('appointment.changePatient')}
              onChange={editing ? undefined : () => setPatient(null)}
            >
              {patient.ownPractitionerId && nameOf(patient.ownPractitionerId) ? (
                <span className="muted">
                  · {t('appointment.ownDentist', { name: nameOf(patient.ownPractitionerId) })}
                </span>
              ) : null}
            </ChosenPatient>
          ) : (
            <PatientPicker onSelect={setPatient} autoFocus />
          )}
        </fieldset>
        <div className="form-grid">
          <SelectField
            label={t('appointment.motif')}
            value={motifId}
            onChange={chooseMotif}
            error={fieldError('motifId')}
            required
          >
            <option value="">{t('appointment.chooseMotif')}</option>
            {reference.motifs.map((motif) => (
              <option key={motif.id} value={motif.id}>
                {motif.name} ({t('appointment.minutes', { count: motif.durationMinutes })})
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('appointment.practitioner')}
            value={practitionerId}
            onChange={setPractitionerId}
            error={fieldError('practitionerId')}
          >
            {practitioners.map((member) => (
              <option key={member.id} value={member.id}>
                {nameOf(member.id)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('appointment.location')}
            value={locationId}
            onChange={setLocationId}
            error={fieldError('locationId')}
          >
            {reference.locations.map((location) => (
              <option key={location.id} value={location.id}>
                {location.name}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('appointment.date')}
            type="date"
            value={date}
            onChange={setDate}
            error={fieldError('startsAt')}
            required
          />
          <TextField
            label={t('appointment.time')}
            type="time"
            step={grid * 60}
            value={time}
            onChange={setTime}
            required
          />
          <TextField
            label={t('appointment.duration')}
            type="number"
            min={5}
            max={600}
            step={5}
            value={duration}
            onChange={setDuration}
            hint={t('appointment.durationHint')}
            error={fieldError('durationMinutes') ?? fieldError('endsAt')}
          />
        </div>
        <CheckboxField label={t('appointment.firstVisit')} checked={firstVisit} onChange={chooseFirstVisit} />
        <CheckboxField label={t('appointment.carteVitale')} checked={carteVitale} onChange={setCarteVitale} />
        <TextAreaField
          label={t('appointment.comment')}
          hint={t('appointment.commentHint')}
          value={comment}
          onChange={setComment}
          maxLength={2000}
        />
        {otherDentist && patient?.ownPractitionerId && !warning ? (
          <div className="appointment-form__notice">
            <p id="appointment-other-dentist">
              {t('appointment.otherDentist', {
                patient: `${patient.firstName} ${patient.lastName}`,
                practitioner: nameOf(patient.ownPractitionerId),
              })}
            </p>
            {practitioners.some((member) => member.id === patient.ownPractitionerId) ? (
              <Button
                variant="link"
                onClick={() => patient.ownPractitionerId && setPractitionerId(patient.ownPractitionerId)}
              >
                {t('appointment.takeOwnDentist', { name: nameOf(patient.ownPractitionerId) })}
              </Button>
            ) : null}
          </div>
        ) : null}
        {tellsPatient ? (
          <CheckboxField
            label={t('move.notify')}
            hint={t('appointment.notifyHint')}
            checked={notify}
            onChange={setNotify}
          />
        ) : null}
        {slotTaken ? <Alert tone="error">{t('appointment.slotTaken')}</Alert> : <ErrorAlert error={error} />}
        {warning && patient ? (
          <div className="appointment-form__warning" role="alert">
            <p>
              {t('appointment.ownPractitioner', {
                patient: `${patient.firstName} ${patient.lastName}`,
                practitioner: warning.name,
              })}
            </p>
            <Button variant="secondary" busy={busy} onClick={() => void save(true)}>
              {t('appointment.patientAgreed')}
            </Button>
          </div>
        ) : null}
        <div className="form-actions">
          <Button
            type="submit"
            busy={busy}
            // everything chosen already (a slot picked for a known patient): one key press books
            {...(draft.kind === 'create' && draft.patient && initialMotif ? { 'data-autofocus': true } : {})}
          >
            {t('appointment.save')}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {t('common.close')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** The instant a date and time of the form stand for, or NaN while either is incomplete. */
function startOf(date: string, time: string, timeZone: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}/.test(time)) return Number.NaN;
  return zonedInstant(date, minutesOfTime(time), timeZone);
}

function durationOf(reference: ReferenceData, motifId: string, firstVisit: boolean): string {
  const motif = reference.motifs.find((candidate) => candidate.id === motifId);
  if (!motif) return '30';
  return String(
    firstVisit && motif.firstVisitDurationMinutes ? motif.firstVisitDurationMinutes : motif.durationMinutes,
  );
}
