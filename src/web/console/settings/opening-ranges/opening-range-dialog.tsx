import { useState } from 'react';
import type { Location, Motif, OpeningRange } from '../../../../contracts/settings';
import { api } from '../../../shared/api';
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
import { MotifChecklist } from './motif-checklist';
import {
  type OpeningRangeForm,
  openingRangeBodyOf,
  openingRangeFormOf,
  openingRangePaths,
  type Repeat,
} from './opening-range-form';

interface OpeningRangeDialogProps {
  range: OpeningRange | null;
  practitionerId: string;
  /** admin only: the range may move to another practitioner */
  practitioners: PractitionerItem[] | null;
  locations: Location[];
  motifs: Motif[];
  onClose: () => void;
  onSaved: (range: OpeningRange) => void;
}

/** Create or change an opening range (SET-5). */
export function OpeningRangeDialog(props: OpeningRangeDialogProps) {
  const { range, practitioners, locations, motifs, onClose, onSaved } = props;
  const { t } = useI18n();
  const [form, setForm] = useState<OpeningRangeForm>(() =>
    openingRangeFormOf(range, {
      practitionerId: props.practitionerId,
      locationIds: locations.map((location) => location.id),
      motifIds: motifs.map((motif) => motif.id),
    }),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errorFor = fieldErrors(error);
  const set =
    <K extends keyof OpeningRangeForm>(key: K) =>
    (value: OpeningRangeForm[K]) =>
      setForm((current) => ({ ...current, [key]: value }));
  const setFirstDay = (firstDay: string) =>
    setForm((current) => ({
      ...current,
      firstDay,
      weekly: followFirstDay(current.weekly, current.firstDay, firstDay),
    }));

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const body = openingRangeBodyOf(form);
      const saved = range
        ? await api.put<OpeningRange>(`/api/console/opening-ranges/${range.id}`, body)
        : await api.post<OpeningRange>('/api/console/opening-ranges', body);
      onSaved(saved);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <DialogForm
      title={range ? t('settings.ranges.edit') : t('settings.ranges.new')}
      onClose={onClose}
      onSubmit={() => void save()}
      busy={busy}
      error={error}
      isShown={(path) => openingRangePaths.has(path)}
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
        <SelectField
          label={t('settings.ranges.location')}
          value={form.locationId}
          onChange={set('locationId')}
          error={errorFor('locationId')}
        >
          <option value="">{t('settings.ranges.chooseLocation')}</option>
          {locations.map((location) => (
            <option key={location.id} value={location.id}>
              {location.name}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('settings.ranges.titleField')}
          hint={t('settings.ranges.titleHint')}
          value={form.title}
          onChange={set('title')}
          error={errorFor('title')}
          maxLength={120}
        />
      </div>
      <div className="form-grid">
        <TextField
          label={t('settings.ranges.firstDay')}
          type="date"
          value={form.firstDay}
          onChange={setFirstDay}
          error={errorFor('firstDay')}
        />
        <TextField
          label={t('settings.ranges.startTime')}
          type="time"
          value={form.startTime}
          onChange={set('startTime')}
          error={errorFor('startTime')}
        />
        <TextField
          label={t('settings.ranges.endTime')}
          type="time"
          value={form.endTime}
          onChange={set('endTime')}
          error={errorFor('endTime')}
        />
      </div>
      <RadioGroup<Repeat>
        legend={t('settings.ranges.repeat')}
        value={form.repeat}
        onChange={set('repeat')}
        options={[
          { value: 'none', label: t('settings.ranges.repeat.none') },
          { value: 'weekly', label: t('settings.ranges.repeat.weekly') },
          { value: 'monthly', label: t('settings.repeatKind.monthly') },
        ]}
      />
      {form.repeat === 'weekly' ? (
        <WeeklyFields
          value={form.weekly}
          onChange={set('weekly')}
          errorFor={errorFor}
          path="weekly"
          rrule={range?.weekly ? range.rrule : null}
        />
      ) : null}
      {form.repeat === 'monthly' ? (
        <MonthlyFields
          value={form.monthly}
          onChange={set('monthly')}
          firstDay={form.firstDay}
          errorFor={errorFor}
          path="monthly"
        />
      ) : null}
      <MotifChecklist
        motifs={motifs}
        value={form.motifIds}
        onChange={set('motifIds')}
        error={errorFor('motifIds')}
      />
    </DialogForm>
  );
}
