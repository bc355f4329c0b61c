import { type FormEvent, useState } from 'react';
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
import { hhmm, localParts, zonedInstant } from '../../shared/zoned-time';
import { useI18n } from '../i18n';
import type { ReferenceData } from './use-agenda-data';

interface Props {
  reference: ReferenceData;
  timeZone: string;
  today: string;
  onPick: (slot: SlotItem, motifId: string) => void;
  onClose: () => void;
}

/**
 * "Find a slot" (RDV-3): motif, from a date, practitioners and locations → every free slot, by day,
 * paged forward; an empty week jumps to the next availability.
 */
export function FindSlotDialog({ reference, timeZone, today, onPick, onClose }: Props) {
  const { t, lang } = useI18n();
  const practitioners = reference.practitioners.filter((member) => member.visible);
  const [motifId, setMotifId] = useState(reference.motifs[0]?.id ?? '');
  const [from, setFrom] = useState(today);
  const [chosen, setChosen] = useState<Set<string>>(new Set(practitioners.map((member) => member.id)));
  const [sites, setSites] = useState<Set<string>>(new Set(reference.locations.map((site) => site.id)));
  const [page, setPage] = useState<SlotPage | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const search = async (fromInstant: string) => {
    setBusy(true);
    setError(null);
    try {
      const params = new URLSearchParams({ motifId, from: fromInstant, days: '7' });
      if (chosen.size > 0 && chosen.size < practitioners.length)
        params.set('practitionerIds', [...chosen].join(','));
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
        <Button type="submit" busy={busy}>
          {t('find.search')}
        </Button>
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
                        onClick={() => onPick(slot, motifId)}
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
