import { useState } from 'react';
import type { Absence, CoveredAppointment } from '../../../../contracts/settings';
import { api, isApiError } from '../../../shared/api';
import { TextField } from '../../../shared/ui/field';
import { SelectField } from '../../../shared/ui/select-field';
import { useI18n } from '../../i18n';
import { DialogForm } from '../common/dialog-form';
import { fieldErrors } from '../common/field-errors';
import { MonthlyFields } from '../common/monthly-fields';
import { type PractitionerItem, personName } from '../common/people';
import { RadioGroup } from '../common/radio-group';
import { followFirstDay } from '../common/weekly';
import { WeeklyFields } from '../common/weekly-fields';
import {
  type AbsenceForm,
  type AbsenceKind,
  absenceBodyOf,
  absenceFormOf,
  absencePaths,
} from './absence-form';
import { CoveredList } from './covered-list';

interface AbsenceDialogProps {
  absence: Absence | null;
  practitionerId: string;
  /** admin only: the absence may move to another practitioner */
  practitioners: PractitionerItem[] | null;
  timeZone: string;
  onClose: () => void;
  onSaved: (absence: Absence) => void;
}

/** Create or change an absence (SET-6): one-off between two moments, or recurring hours on weekdays. */
export function AbsenceDialog({
  absence,
  practitioners,
  timeZone,
  onClose,
  onSaved,
  ...props
}: AbsenceDialogProps) {
  const { t } = useI18n();
  const [form, setForm] = useState<AbsenceForm>(() => absenceFormOf(absence, props.practitionerId, timeZone));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // the appointments the absence would cover, once the server listed them: a choice is then needed
  const [covered, setCovered] = useState<CoveredAppointment[] | null>(null);
  const errorFor = fieldErrors(error);
  const set =
    <K extends keyof AbsenceForm>(key: K) =>
    (value: AbsenceForm[K]) => {
      setCovered(null);
      setForm((current) => ({ ...current, [key]: value }));
    };
  // the end follows the start while it was the same day (or before it)
  const setStartDay = (startDay: string) =>
    setForm((current) => ({
      ...current,
      startDay,
      endDay: current.endDay <= current.startDay || current.endDay < startDay ? startDay : current.endDay,
      weekly: followFirstDay(current.weekly, current.startDay, startDay),
    }));
  const oneOff = form.kind === 'oneOff';
  const prefix = oneOff ? 'oneOff' : 'recurring';

  const save = async (decision?: 'cancel' | 'keep') => {
    setBusy(true);
    setError(null);
    try {
      const body = { ...absenceBodyOf(form), ...(decision ? { coveredAppointments: decision } : {}) };
      const saved = absence
        ? await api.put<Absence>(`/api/console/absences/${absence.id}`, body)
        : await api.post<Absence>('/api/console/absences', body);
      onSaved(saved);
    } catch (caught) {
      if (
        isApiError(caught, 'CONFIRMATION_REQUIRED') &&
        caught.details.reason === 'absence_covers_appointments'
      ) {
        setCovered(caught.details.appointments);
      } else {
        setError(caught);
      }
      setBusy(false);
    }
  };

  return (
    <DialogForm
      title={absence ? t('settings.absences.edit') : t('settings.absences.new')}
      onClose={onClose}
      onSubmit={() => void save()}
      busy={busy}
      error={error}
      isShown={(path) => absencePaths.has(path)}
      wide
    >
      <div className="form-grid">
        {practitioners ? (
          <SelectField
            label={t('settings.agenda.practitioner')}
            value={form.practitionerId}
            onChange={set('practitionerId')}
            error={errorFor('practitionerId')}
          >
            {practitioners.map((item) => (
              <option key={item.id} value={item.id}>
                {personName(item)}
              </option>
            ))}
          </SelectField>
        ) : null}
        <TextField
          label={t('settings.absences.titleField')}
          hint={t('settings.absences.titleHint')}
          value={form.title}
          onChange={set('title')}
          error={errorFor('title')}
          maxLength={120}
          required
          requiredLabel={t('common.required')}
        />
      </div>
      <RadioGroup<AbsenceKind>
        legend={t('settings.absences.kind')}
        value={form.kind}
        onChange={set('kind')}
        options={[
          { value: 'oneOff', label: t('settings.absences.kind.oneOff') },
          { value: 'recurring', label: t('settings.absences.kind.recurring') },
        ]}
      />
      <div className="form-grid">
        <TextField
          label={oneOff ? t('settings.absences.startDay') : t('settings.absences.firstDay')}
          type="date"
          value={form.startDay}
          onChange={setStartDay}
          error={errorFor(oneOff ? 'oneOff.startDay' : 'recurring.firstDay')}
        />
        <TextField
          label={t('settings.absences.startTime')}
          type="time"
          value={form.startTime}
          onChange={set('startTime')}
          error={errorFor(`${prefix}.startTime`)}
        />
        {oneOff ? (
          <TextField
            label={t('settings.absences.endDay')}
            type="date"
            value={form.endDay}
            onChange={set('endDay')}
            error={errorFor('oneOff.endDay')}
          />
        ) : null}
        <TextField
          label={t('settings.absences.endTime')}
          type="time"
          value={form.endTime}
          onChange={set('endTime')}
          error={errorFor(`${prefix}.endTime`)}
        />
      </div>
      {oneOff ? (
        <p className="field__hint">{t('settings.absences.zoneHint', { zone: timeZone })}</p>
      ) : (
        <>
          <RadioGroup<'weekly' | 'monthly'>
            legend={t('settings.repeatKind')}
            value={form.repeat}
            onChange={set('repeat')}
            options={[
              { value: 'weekly', label: t('settings.repeatKind.weekly') },
              { value: 'monthly', label: t('settings.repeatKind.monthly') },
            ]}
          />
          {form.repeat === 'weekly' ? (
            <WeeklyFields
              value={form.weekly}
              onChange={set('weekly')}
              errorFor={errorFor}
              path="recurring.weekly"
            />
          ) : (
            <MonthlyFields
              value={form.monthly}
              onChange={set('monthly')}
              firstDay={form.startDay}
              errorFor={errorFor}
              path="recurring.monthly"
            />
          )}
        </>
      )}
      {covered ? (
        <CoveredList
          appointments={covered}
          timeZone={timeZone}
          busy={busy}
          onDecide={(decision) => void save(decision)}
        />
      ) : null}
    </DialogForm>
  );
}
