import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { SlotItem, SlotPage } from '../../../contracts/scheduling';
import { api } from '../../shared/api';
import { displayDate } from '../../shared/dates';
import { Alert } from '../../shared/ui/alert';
import { Button } from '../../shared/ui/button';
import { CheckboxField } from '../../shared/ui/checkbox-field';
import { Dialog } from '../../shared/ui/dialog';
import { ErrorAlert } from '../../shared/ui/error-alert';
import { TextField } from '../../shared/ui/field';
import { SelectField } from '../../shared/ui/select-field';
import { addDays, hhmm, localParts, mondayOf, zonedInstant } from '../../shared/zoned-time';
import { useI18n } from '../i18n';
import { ChosenPatient } from '../patients/chosen-patient';
import { PatientPicker, type PickedPatient } from '../patients/patient-picker';
import type { ReferenceData } from './use-agenda-data';

interface Props {
  reference: ReferenceData;
  timeZone: string;
  today: string;
  /** prefilled by a link from the patient file: the slots are searched at once */
  initial?: { patient?: PickedPatient; practitionerId?: string; motifId?: string };
  onPick: (slot: SlotItem, motifId: string, patient: PickedPatient | null) => void;
  onClose: () => void;
}

/**
 * "Find a slot" (RDV-3): motif, from a date, practitioners and locations → every free slot, by day,
 * paged forward; an empty week jumps to the next availability.
 */
export function FindSlotDialog({ reference, timeZone, today, initial, onPick, onClose }: Props) {
  const { t, lang } = useI18n();
  const practitioners = reference.practitioners.filter((member) => member.visible);
  const [patient, setPatient] = useState<PickedPatient | null>(initial?.patient ?? null);
  const [motifId, setMotifId] = useState(
    reference.motifs.find((motif) => motif.id === initial?.motifId)?.id ?? reference.motifs[0]?.id ?? '',
  );
  const [from, setFrom] = useState(today);
  const only = (id: string | null | undefined) =>
    id && practitioners.some((member) => member.id === id) ? new Set([id]) : null;
  const [chosen, setChosen] = useState<Set<string>>(
    only(initial?.practitionerId) ??
      only(initial?.patient?.ownPractitionerId) ??
      new Set(practitioners.map((member) => member.id)),
  );
  const [sites, setSites] = useState<Set<string>>(new Set(reference.locations.map((site) => site.id)));
  const [page, setPage] = useState<SlotPage | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const search = async (fromInstant: string, practitionerIds = chosen) => {
    setBusy(true);
    setError(null);
    try {
      const params = new URLSearchParams({ motifId, from: fromInstant, days: '7' });
      if (practitionerIds.size > 0 && practitionerIds.size < practitioners.length)
        params.set('practitionerIds', [...practitionerIds].join(','));
      if (sites.size > 0 && sites.size < reference.locations.length)
        params.set('locationIds', [...sites].join(','));
      setPage(await api.get<SlotPage>(`/api/console/slots?${params}`));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void search(new Date(zonedInstant(from, 0, timeZone)).toISOString());
  };
  const searchFrom = (date: string) => {
    setFrom(date);
    void search(new Date(zonedInstant(date, 0, timeZone)).toISOString());
  };
  // a link from the patient file has said everything: show the slots at once
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current || !initial?.patient) return;
    opened.current = true;
    void search(new Date(zonedInstant(today, 0, timeZone)).toISOString());
  });
  const pickPatient = (picked: PickedPatient) => {
    setPatient(picked);
    // the patient's own dentist first (RDV-5); the others stay a tick away
    const own = only(picked.ownPractitionerId);
    if (own && !initial?.practitionerId) setChosen(own);
  };
  const toggle = (set: Set<string>, id: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  };
  const nameOf = (id: string) => {
    const member = reference.practitioners.find((candidate) => candidate.id === id);
    return member ? [member.title, member.lastName].filter(Boolean).join(' ') : '';
  };
  const byDay = new Map<string, SlotItem[]>();
  for (const slot of page?.slots ?? []) {
    const day = localParts(Date.parse(slot.start), timeZone).date;
    byDay.set(day, [...(byDay.get(day) ?? []), slot]);
  }
  const dayLabel = (instant: string) => displayDate(localParts(Date.parse(instant), timeZone).date, lang);

  return (
    <Dialog title={t('find.title')} open onClose={onClose} closeLabel={t('common.close')} wide>
      <fieldset className="appointment-form__patient">
        <legend>{t('find.patient')}</legend>
        {patient ? (
          <ChosenPatient
            patient={patient}
            className="appointment-form__chosen"
            changeLabel={t('appointment.changePatient')}
            onChange={() => setPatient(null)}
          />
        ) : (
          <PatientPicker onSelect={pickPatient} />
        )}
      </fieldset>
      <form onSubmit={submit} noValidate className="find-slot__form">
        <div className="form-grid">
          <SelectField label={t('find.motif')} value={motifId} onChange={setMotifId}>
            {reference.motifs.map((motif) => (
              <option key={motif.id} value={motif.id}>
                {motif.name} ({t('appointment.minutes', { count: motif.durationMinutes })})
              </option>
            ))}
          </SelectField>
          <TextField label={t('find.from')} type="date" value={from} onChange={setFrom} />
        </div>
        <div className="form-grid">
          <fieldset className="checkbox-group">
            <legend>{t('find.practitioners')}</legend>
            {practitioners.map((member) => (
              <CheckboxField
                key={member.id}
                label={[member.title, member.firstName, member.lastName].filter(Boolean).join(' ')}
                checked={chosen.has(member.id)}
                onChange={(on) => setChosen((set) => toggle(set, member.id, on))}
              />
            ))}
          </fieldset>
          <fieldset className="checkbox-group">
            <legend>{t('find.locations')}</legend>
            {reference.locations.map((site) => (
              <CheckboxField
                key={site.id}
                label={site.name}
                checked={sites.has(site.id)}
                onChange={(on) => setSites((set) => toggle(set, site.id, on))}
              />
            ))}
          </fieldset>
        </div>
        <div className="form-actions">
          <Button type="submit" busy={busy}>
            {t('find.search')}
          </Button>
          <Button variant="secondary" busy={busy} onClick={() => searchFrom(addDays(mondayOf(today), 7))}>
            {t('find.nextWeek')}
          </Button>
        </div>
      </form>
      <ErrorAlert error={error} withFields />
      {page ? (
        <section className="find-slot__results" aria-live="polite">
          {page.slots.length === 0 ? (
            <Alert tone="info">
              {t('find.none')}
              {page.nextFrom ? (
                <>
                  {' '}
                  <Button variant="link" onClick={() => void search(page.nextFrom ?? '')}>
                    {t('find.nextAvailability', { date: dayLabel(page.nextFrom) })}
                  </Button>
                </>
              ) : null}
            </Alert>
          ) : (
            <p className="muted">
              {t('find.results', {
                count: page.slots.length,
                from: dayLabel(page.from),
                to: dayLabel(page.to),
              })}
            </p>
          )}
          {[...byDay].map(([day, slots]) => (
            <div key={day} className="find-slot__day">
              <h3>{displayDate(day, lang)}</h3>
              <ul className="find-slot__list">
                {slots.map((slot) => {
                  const time = hhmm(localParts(Date.parse(slot.start), timeZone).minute);
                  const label = t('find.book', { time, name: nameOf(slot.practitionerId) });
                  const site =
                    reference.locations.find((location) => location.id === slot.locationId)?.name ?? '';
                  return (
                    <li key={`${slot.start}-${slot.practitionerId}`}>
                      <button
                        type="button"
                        className="slot-button"
                        aria-label={`${label}, ${site}`}
                        onClick={() => onPick(slot, motifId, patient)}
                      >
                        <strong>{time}</strong> {nameOf(slot.practitionerId)}
                        <span className="muted"> · {site}</span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
          {page.slots.length > 0 && page.nextFrom ? (
            <Button variant="secondary" busy={busy} onClick={() => void search(page.nextFrom ?? '')}>
              {t('find.more')}
            </Button>
          ) : null}
        </section>
      ) : null}
    </Dialog>
  );
}
