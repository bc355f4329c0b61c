import { useState } from 'react';
import type { Motif } from '../../../contracts/settings';
import type { StaffMe } from '../../../contracts/staff-auth';
import type { WaitlistEntry } from '../../../contracts/waitlist';
import { ApiError, api } from '../../shared/api';
import { TextField } from '../../shared/ui/field';
import { SelectField } from '../../shared/ui/select-field';
import { addDays, localParts } from '../../shared/zoned-time';
import { useI18n } from '../i18n';
import { ChosenPatient } from '../patients/chosen-patient';
import { practitionerName } from '../patients/format';
import { PatientPicker, type PickedPatient } from '../patients/patient-picker';
import type { ConsolePractitioner } from '../patients/use-practitioners';
import { DialogForm } from '../settings/common/dialog-form';
import { fieldErrors } from '../settings/common/field-errors';
import { shownPaths } from '../settings/common/form-alert';
import { useResource } from '../settings/common/use-resource';

interface AddEntryDialogProps {
  me: StaffMe;
  practitioners: ConsolePractitioner[] | null;
  onClose: () => void;
  onAdded: (entry: WaitlistEntry) => void;
  /** What is already known when opened from a patient's file: the patient, their usual motif and dentist. */
  initial?: { patient: PickedPatient; motifId?: string | undefined; practitionerId?: string | undefined };
}

const shown = shownPaths('patientId', 'motifId', 'practitionerId', 'fromDay', 'toDay');

/**
 * Puts a patient on the waiting list: the patient (search, or create the file in place), the motif,
 * a practitioner or any, and the days they can come. The server's refusals show under their fields.
 */
export function AddEntryDialog({ me, practitioners, onClose, onAdded, initial }: AddEntryDialogProps) {
  const { t } = useI18n();
  const motifs = useResource<{ items: Motif[] }>('/api/console/motifs');
  const today = localParts(Date.now(), me.practice.timeZone).date;
  const [patient, setPatient] = useState<PickedPatient | null>(initial?.patient ?? null);
  const [motifId, setMotifId] = useState(initial?.motifId ?? '');
  const [practitionerId, setPractitionerId] = useState(initial?.practitionerId ?? '');
  const [fromDay, setFromDay] = useState(today);
  const [toDay, setToDay] = useState(addDays(today, 30));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errorFor = fieldErrors(error);
  // the front desk only books motifs open to it (SET-4); the server says so too
  const choices = (motifs.data?.items ?? []).filter(
    (motif) => me.role !== 'secretary' || motif.bookableBySecretary,
  );
  // a motif brought from the file counts only if this person may book it
  const chosenMotif = choices.some((motif) => motif.id === motifId) ? motifId : '';

  const submit = async () => {
    if (!patient) {
      const message = t('waitlist.pickPatient');
      setError(
        new ApiError(400, { code: 'VALIDATION_FAILED', message, issues: [{ path: 'patientId', message }] }),
      );
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onAdded(
        await api.post<WaitlistEntry>('/api/console/waitlist', {
          patientId: patient.id,
          motifId: chosenMotif,
          practitionerId: practitionerId || null,
          fromDay,
          toDay,
        }),
      );
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  const already = error instanceof ApiError && error.code === 'ALREADY_EXISTS';
  return (
    <DialogForm
      title={t('waitlist.addTitle')}
      onClose={onClose}
      onSubmit={() => void submit()}
      busy={busy}
      error={error}
      isShown={shown}
      errorMessage={already ? t('waitlist.already') : undefined}
      submitLabel={t('waitlist.save')}
      wide
    >
      <fieldset className="waitlist-form__patient">
        <legend>{t('waitlist.patient')}</legend>
        {patient ? (
          <ChosenPatient
            patient={patient}
            className="waitlist-form__chosen"
            changeLabel={t('waitlist.changePatient')}
            onChange={() => setPatient(null)}
          />
        ) : (
          <PatientPicker onSelect={setPatient} autoFocus />
        )}
        {errorFor('patientId') ? <p className="field__error">{errorFor('patientId')}</p> : null}
      </fieldset>
      <div className="form-grid">
        <SelectField
          label={t('waitlist.motif')}
          value={chosenMotif}
          onChange={setMotifId}
          error={errorFor('motifId') ?? (motifs.error ? t('common.networkError') : undefined)}
          required
        >
          <option value="">{motifs.data ? t('waitlist.chooseMotif') : t('common.loading')}</option>
          {choices.map((motif) => (
            <option key={motif.id} value={motif.id}>
              {motif.name} ({t('waitlist.minutes', { count: motif.durationMinutes })})
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('waitlist.practitioner')}
          value={practitionerId}
          onChange={setPractitionerId}
          error={errorFor('practitionerId')}
        >
          <option value="">{t('waitlist.anyPractitioner')}</option>
          {(practitioners ?? []).map((member) => (
            <option key={member.id} value={member.id}>
              {practitionerName(member)}
            </option>
          ))}
        </SelectField>
      </div>
      <p className="field__hint">{t('waitlist.windowHint')}</p>
      <div className="waitlist-window">
        <TextField
          label={t('waitlist.from')}
          type="date"
          value={fromDay}
          min={today}
          onChange={setFromDay}
          error={errorFor('fromDay')}
          required
        />
        <TextField
          label={t('waitlist.to')}
          type="date"
          value={toDay}
          min={fromDay || today}
          onChange={setToDay}
          error={errorFor('toDay')}
          required
        />
      </div>
    </DialogForm>
  );
}
