import type { Absence } from '../../../../contracts/settings';
import { localPartsOf, todayIso } from '../common/calendar';
import { type MonthlyForm, monthlyBodyOf, monthlyFormOf } from '../common/monthly';
import { type WeeklyForm, weeklyBodyOf, weeklyFormOf } from '../common/weekly';

export type AbsenceKind = 'oneOff' | 'recurring';

/**
 * An absence as its dialog holds it. One-off and recurring share the day and hours, so switching kind
 * keeps what was typed: `startDay` is the first day of a recurring absence.
 */
export interface AbsenceForm {
  practitionerId: string;
  title: string;
  kind: AbsenceKind;
  startDay: string;
  startTime: string;
  endDay: string;
  endTime: string;
  /** how a recurring absence repeats */
  repeat: 'weekly' | 'monthly';
  weekly: WeeklyForm;
  monthly: MonthlyForm;
}

/** One-off absences come back as instants: they are shown and edited in the practice's time zone. */
export function absenceFormOf(
  absence: Absence | null,
  practitionerId: string,
  timeZone: string,
): AbsenceForm {
  if (absence?.oneOff) {
    const start = localPartsOf(absence.oneOff.startsAt, timeZone);
    const end = localPartsOf(absence.oneOff.endsAt, timeZone);
    return {
      practitionerId: absence.practitionerId,
      title: absence.title,
      kind: 'oneOff',
      startDay: start.day,
      startTime: start.time,
      endDay: end.day,
      endTime: end.time,
      repeat: 'weekly',
      weekly: weeklyFormOf(null, start.day),
      monthly: monthlyFormOf(null),
    };
  }
  if (absence?.recurring) {
    const { firstDay, startTime, endTime, weekly, monthly } = absence.recurring;
    return {
      practitionerId: absence.practitionerId,
      title: absence.title,
      kind: 'recurring',
      startDay: firstDay,
      startTime,
      endDay: firstDay,
      endTime,
      repeat: monthly ? 'monthly' : 'weekly',
      weekly: weeklyFormOf(weekly, firstDay),
      monthly: monthlyFormOf(monthly),
    };
  }
  const today = todayIso();
  return {
    practitionerId,
    title: '',
    kind: 'oneOff',
    startDay: today,
    startTime: '08:00',
    endDay: today,
    endTime: '19:00',
    repeat: 'weekly',
    weekly: weeklyFormOf(null, today),
    monthly: monthlyFormOf(null),
  };
}

export function absenceBodyOf(form: AbsenceForm) {
  const base = { practitionerId: form.practitionerId, title: form.title };
  if (form.kind === 'oneOff') {
    return {
      ...base,
      oneOff: {
        startDay: form.startDay,
        startTime: form.startTime,
        endDay: form.endDay,
        endTime: form.endTime,
      },
      recurring: null,
    };
  }
  return {
    ...base,
    oneOff: null,
    recurring: {
      firstDay: form.startDay,
      startTime: form.startTime,
      endTime: form.endTime,
      weekly: form.repeat === 'weekly' ? weeklyBodyOf(form.weekly) : null,
      monthly: form.repeat === 'monthly' ? monthlyBodyOf(form.monthly, form.startDay) : null,
    },
  };
}

export const absencePaths = new Set([
  'practitionerId',
  'title',
  'oneOff.startDay',
  'oneOff.startTime',
  'oneOff.endDay',
  'oneOff.endTime',
  'recurring.firstDay',
  'recurring.startTime',
  'recurring.endTime',
  'recurring.weekly.weekdays',
  'recurring.weekly.intervalWeeks',
  'recurring.weekly.until',
  'recurring.weekly',
  'recurring.monthly',
  'recurring.monthly.monthDay',
  'recurring.monthly.intervalMonths',
  'recurring.monthly.until',
]);
