import { useEffect, useState } from 'react';
import { Button } from '../../shared/ui/button';
import { dayLabel, localDate } from '../format';
import { useI18n } from '../i18n';
import { loadSlots, slotsUrl } from './slot-cache';

/**
 * An empty week says when the next free time is ("Prochaine disponibilité le mardi 9 décembre") and
 * goes there in one tap. The API points at the week of that availability; its first slot gives the day.
 */
export function NextAvailability({
  source,
  nextFrom,
  timeZone,
  onWeek,
}: {
  source: string;
  nextFrom: string;
  timeZone: string;
  onWeek: (week: string) => void;
}) {
  const { t, lang } = useI18n();
  const [day, setDay] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setDay(null);
    loadSlots(slotsUrl(source, nextFrom))
      .then((page) => {
        const [first] = page.slots;
        if (live) setDay(localDate(first ? first.start : page.from, timeZone));
      })
      .catch(() => {
        if (live) setDay(localDate(nextFrom, timeZone));
      });
    return () => {
      live = false;
    };
  }, [source, nextFrom, timeZone]);

  return (
    <div className="week__empty">
      <p>{t('slots.noneThisWeek')}</p>
      {day ? (
        <Button onClick={() => onWeek(day)}>
          {t('slots.nextAvailability', { day: dayLabel(day, lang, { capital: false }) })}
        </Button>
      ) : (
        <p className="muted">{t('slots.loading')}</p>
      )}
    </div>
  );
}
