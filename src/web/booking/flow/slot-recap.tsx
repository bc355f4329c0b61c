import type { BookingPage, PublicMotif } from '../../../contracts/booking';
import { Button } from '../../shared/ui/button';
import { dayLabel, fullName, localDate, localTime, shortName } from '../format';
import { useI18n } from '../i18n';
import type { Picked } from './flow-types';

/**
 * The chosen appointment, above every step of the flow: what, when, with whom, where. When other
 * practitioners are free at the same time ("any practitioner"), the patient may switch to one of them.
 */
export function SlotRecap({
  page,
  motif,
  picked,
  onSwitch,
  onChangeSlot,
}: {
  page: BookingPage;
  motif: PublicMotif;
  picked: Picked;
  onSwitch: (picked: Picked) => void;
  onChangeSlot: () => void;
}) {
  const { t, lang } = useI18n();
  const { timeZone } = page.practice;
  const practitioner = page.practitioners.find((entry) => entry.id === picked.practitionerId);
  const location = page.practice.locations.find((entry) => entry.id === picked.locationId);
  const others = picked.slot.options.filter(
    (option) => option.practitionerId !== picked.practitionerId || option.locationId !== picked.locationId,
  );
  const when = t('recap.when', {
    day: dayLabel(localDate(picked.slot.start, timeZone), lang, { year: true }),
    time: localTime(picked.slot.start, timeZone),
  });
  return (
    <section className="card recap" aria-labelledby="recap-title">
      <h2 id="recap-title" className="recap__title" tabIndex={-1}>
        {t('recap.title')}
      </h2>
      <p className="recap__when">{when}</p>
      <dl className="facts">
        <div>
          <dt>{t('facts.motif')}</dt>
          <dd>
            {motif.name} ({t('motif.duration', { minutes: motif.durationMinutes })})
          </dd>
        </div>
        <div>
          <dt>{t('facts.practitioner')}</dt>
          <dd>
            {practitioner ? fullName(practitioner) : ''}
            {practitioner?.speciality ? <span className="muted">, {practitioner.speciality}</span> : null}
          </dd>
        </div>
        {location ? (
          <div>
            <dt>{t('facts.place')}</dt>
            <dd>
              {location.name} — {location.addressLine}, {location.postalCode} {location.city}
            </dd>
          </div>
        ) : null}
      </dl>
      {others.length > 0 ? (
        <div className="recap__others">
          <p className="small">{t('recap.othersFree')}</p>
          <ul className="inline-list">
            {others.map((option) => {
              const other = page.practitioners.find((entry) => entry.id === option.practitionerId);
              const site = page.practice.locations.find((entry) => entry.id === option.locationId);
              const name = other ? shortName(other) : '';
              return (
                <li key={`${option.practitionerId}|${option.locationId}`}>
                  <Button variant="secondary" onClick={() => onSwitch({ ...picked, ...option })}>
                    {t('recap.switchTo', { name })}
                    {site && site.id !== picked.locationId ? ` (${site.name})` : ''}
                  </Button>
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      <Button variant="link" onClick={onChangeSlot}>
        {t('recap.changeSlot')}
      </Button>
    </section>
  );
}
