import { useId, useState } from 'react';
import type { PublicSlot } from '../../../contracts/booking';
import { isApiError } from '../../shared/api';
import { Alert } from '../../shared/ui/alert';
import { Button } from '../../shared/ui/button';
import { addDays } from '../../shared/zoned-time';
import { dayMonth, dayNumber, localDate, today } from '../format';
import { useI18n } from '../i18n';
import { CallPractice } from '../ui/contact-links';
import { RefusalAlert } from '../ui/refusal-alert';
import { DaySlots } from './day-slots';
import { NextAvailability } from './next-availability';
import { useSlotWeek } from './use-slot-week';

/** Who a time is with: a short name under the time ("any practitioner") and the words of its label. */
export interface SlotWho {
  short: string | null;
  spoken: string;
}

interface WeekPickerProps {
  /** the slots' address without `from` */
  source: string;
  timeZone: string;
  /** first day shown (YYYY-MM-DD), or null for the first week with availability */
  week: string | null;
  onWeek: (week: string) => void;
  who: (slot: PublicSlot) => SlotWho;
  onPick: (slot: PublicSlot) => void;
  phone: string | null;
}

const visiblePerDay = 6;

/**
 * The week-by-week slot picker (BOOK-1): seven days as rows of time buttons, previous and next week,
 * the next availability when a week is empty. Times are the practice's, whatever the phone's zone.
 */
export function WeekPicker({ source, timeZone, week, onWeek, who, onPick, phone }: WeekPickerProps) {
  const { t, lang } = useI18n();
  const { week: shown, loading, retry } = useSlotWeek(source, week, timeZone);
  const [expanded, setExpanded] = useState<string | null>(null);
  const rangeId = useId();

  if (!shown) return <p className="loading">{t('slots.loading')}</p>;
  if (!shown.page || !shown.firstDay) {
    // a refusal (this motif is not booked online…) says why, with the phone, and has nothing to retry
    if (isApiError(shown.error, 'BOOKING_NOT_ALLOWED'))
      return <RefusalAlert error={shown.error} phone={phone} />;
    return (
      <Alert tone="error">
        <p className="alert__text">{t('slots.failed')}</p>
        <Button variant="secondary" onClick={retry}>
          {t('common.retry')}
        </Button>
      </Alert>
    );
  }
  const { page, firstDay } = shown;
  const days = Array.from({ length: 7 }, (_, index) => addDays(firstDay, index));
  const byDay = new Map<string, PublicSlot[]>(days.map((day) => [day, []]));
  for (const slot of page.slots) byDay.get(localDate(slot.start, timeZone))?.push(slot);
  const isExpanded = expanded === shown.url;
  const crowded = [...byDay.values()].some((slots) => slots.length > visiblePerDay);
  const lastDay = days[6] ?? firstDay;
  const range =
    firstDay.slice(0, 7) === lastDay.slice(0, 7)
      ? t('slots.range', { from: dayNumber(firstDay, lang), to: dayMonth(lastDay, lang) })
      : t('slots.range', { from: dayMonth(firstDay, lang), to: dayMonth(lastDay, lang) });
  const earliest = today(timeZone);

  return (
    <section className="week" aria-labelledby={rangeId} aria-busy={loading || undefined}>
      <div className="week__nav">
        <Button
          variant="secondary"
          className="week__step"
          disabled={!page.previousFrom || loading}
          aria-label={t('slots.previousWeek')}
          onClick={() => onWeek(addDays(firstDay, -7) < earliest ? earliest : addDays(firstDay, -7))}
        >
          <span aria-hidden="true">‹ </span>
          <span className="week__long">{t('slots.previousWeek')}</span>
          <span className="week__short">{t('slots.previousShort')}</span>
        </Button>
        <Button
          variant="secondary"
          className="week__step"
          disabled={!page.nextFrom || loading}
          aria-label={t('slots.nextWeek')}
          onClick={() => onWeek(addDays(firstDay, 7))}
        >
          <span className="week__long">{t('slots.nextWeek')}</span>
          <span className="week__short">{t('slots.nextShort')}</span>
          <span aria-hidden="true"> ›</span>
        </Button>
      </div>
      <h3 className="week__range" id={rangeId} aria-live="polite">
        {range}
        {loading ? <span className="visually-hidden"> — {t('slots.loading')}</span> : null}
      </h3>
      {page.slots.length === 0 ? (
        page.nextFrom ? (
          <NextAvailability source={source} nextFrom={page.nextFrom} timeZone={timeZone} onWeek={onWeek} />
        ) : (
          <div className="week__empty">
            <p>{t('slots.noneAtAll')}</p>
            <CallPractice phone={phone} />
          </div>
        )
      ) : (
        <>
          <div className={`week__days${loading ? ' is-loading' : ''}`}>
            {days.map((day) => (
              <DaySlots
                key={day}
                day={day}
                slots={byDay.get(day) ?? []}
                limit={isExpanded ? null : visiblePerDay}
                timeZone={timeZone}
                who={who}
                onPick={onPick}
              />
            ))}
          </div>
          {crowded ? (
            <Button
              variant="link"
              className="week__more"
              aria-expanded={isExpanded}
              onClick={() => setExpanded(isExpanded ? null : shown.url)}
            >
              {isExpanded ? t('slots.showLess') : t('slots.showMore')}
            </Button>
          ) : null}
        </>
      )}
    </section>
  );
}
