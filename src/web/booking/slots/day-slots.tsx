import type { PublicSlot } from '../../../contracts/booking';
import { dayLabel, localTime } from '../format';
import { useI18n } from '../i18n';
import type { SlotWho } from './week-picker';

interface DaySlotsProps {
  day: string;
  slots: PublicSlot[];
  /** how many times to show, or null for all */
  limit: number | null;
  timeZone: string;
  who: (slot: PublicSlot) => SlotWho;
  onPick: (slot: PublicSlot) => void;
}

/** One day of the week: its free times as buttons, each with a label that says it all. */
export function DaySlots({ day, slots, limit, timeZone, who, onPick }: DaySlotsProps) {
  const { t, lang } = useI18n();
  const label = dayLabel(day, lang);
  const headingId = `day-${day}`;
  const shown = limit === null ? slots : slots.slice(0, limit);
  return (
    <div className={`day${slots.length === 0 ? ' day--empty' : ''}`}>
      <h4 className="day__label" id={headingId}>
        {label}
      </h4>
      {slots.length === 0 ? (
        <p className="day__none">{t('slots.noneThatDay')}</p>
      ) : (
        <ul className="day__slots">
          {shown.map((slot) => {
            const time = localTime(slot.start, timeZone);
            const person = who(slot);
            return (
              <li key={slot.start}>
                <button
                  type="button"
                  className="slot"
                  data-start={slot.start}
                  aria-label={t('slots.slotLabel', { day: label, time, who: person.spoken })}
                  onClick={() => onPick(slot)}
                >
                  <span className="slot__time">{time}</span>
                  {person.short ? <span className="slot__who">{person.short}</span> : null}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
