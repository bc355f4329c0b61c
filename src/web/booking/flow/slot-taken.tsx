import type { BookingPage, PublicSlot } from '../../../contracts/booking';
import { Alert } from '../../shared/ui/alert';
import { Button } from '../../shared/ui/button';
import { dayLabel, localDate, localTime, shortName } from '../format';
import { useI18n } from '../i18n';
import type { Picked } from './flow-types';

/**
 * "This slot was just taken": instead of an error page, the next free slots (the same practitioner
 * first) to pick from; everything typed stays as it was.
 */
export function SlotTaken({
  page,
  nextSlots,
  preferred,
  onPick,
  onChangeSlot,
}: {
  page: BookingPage;
  nextSlots: PublicSlot[];
  preferred: string;
  onPick: (picked: Picked) => void;
  onChangeSlot: () => void;
}) {
  const { t, lang } = useI18n();
  const { timeZone } = page.practice;
  return (
    <div className="taken">
      <Alert tone="error">
        <strong>{t('taken.title')}</strong>{' '}
        {nextSlots.length > 0 ? t('taken.pickAnother') : t('taken.noneNear')}
      </Alert>
      {nextSlots.length > 0 ? (
        <ul className="taken__slots">
          {nextSlots.map((slot) => {
            const option =
              slot.options.find((entry) => entry.practitionerId === preferred) ?? slot.options[0];
            if (!option) return null;
            const practitioner = page.practitioners.find((entry) => entry.id === option.practitionerId);
            const label = t('slots.slotLabel', {
              day: dayLabel(localDate(slot.start, timeZone), lang),
              time: localTime(slot.start, timeZone),
              who: practitioner ? shortName(practitioner) : '',
            });
            return (
              <li key={slot.start}>
                <Button
                  variant="secondary"
                  className="button--block"
                  data-start={slot.start}
                  onClick={() => onPick({ slot, ...option })}
                >
                  {label}
                </Button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <Button variant="link" onClick={onChangeSlot}>
        {t('taken.seeAll')}
      </Button>
    </div>
  );
}
