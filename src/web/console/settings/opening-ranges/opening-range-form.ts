import type { OpeningRange } from '../../../../contracts/settings';
import { todayIso } from '../common/calendar';
import { textOrNull } from '../common/field-errors';
import { type MonthlyForm, monthlyBodyOf, monthlyFormOf } from '../common/monthly';
import { type WeeklyForm, weeklyBodyOf, weeklyFormOf } from '../common/weekly';

export type Repeat = 'none' | 'weekly' | 'monthly';

/** An opening range as its dialog holds it while typed. */
export interface OpeningRangeForm {
  practitionerId: string;
  locationId: string;
  title: string;
  firstDay: string;
  startTime: string;
  endTime: string;
  repeat: Repeat;
  weekly: WeeklyForm;
  monthly: MonthlyForm;
  motifIds: string[];
}

/**
 * The form of an existing range, or of a new one (weekly from today, 09:00–12:00). Motifs and location
 * archived since are left out, so saving does not send what the server would refuse.
 */
export function openingRangeFormOf(
  range: OpeningRange | null,
  defaults: { practitionerId: string; locationIds: string[]; motifIds: string[] },
): OpeningRangeForm {
  if (!range) {
    const firstDay = todayIso();
    return {
      practitionerId: defaults.practitionerId,
      locationId: defaults.locationIds.length === 1 ? (defaults.locationIds[0] ?? '') : '',
      title: '',
      firstDay,
      startTime: '09:00',
      endTime: '12:00',
      repeat: 'weekly',
      weekly: weeklyFormOf(null, firstDay),
      monthly: monthlyFormOf(null),
      motifIds: [],
    };
  }
  return {
    practitionerId: range.practitionerId,
    locationId: defaults.locationIds.includes(range.locationId) ? range.locationId : '',
    title: range.title ?? '',
    firstDay: range.firstDay,
    startTime: range.startTime,
    endTime: range.endTime,
    repeat: range.weekly ? 'weekly' : range.monthly ? 'monthly' : 'none',
    weekly: weeklyFormOf(range.weekly, range.firstDay),
    monthly: monthlyFormOf(range.monthly),
    motifIds: range.motifIds.filter((id) => defaults.motifIds.includes(id)),
  };
}

export function openingRangeBodyOf(form: OpeningRangeForm) {
  return {
    practitionerId: form.practitionerId,
    locationId: form.locationId,
    title: textOrNull(form.title),
    firstDay: form.firstDay,
    startTime: form.startTime,
    endTime: form.endTime,
    weekly: form.repeat === 'weekly' ? weeklyBodyOf(form.weekly) : null,
    monthly: form.repeat === 'monthly' ? monthlyBodyOf(form.monthly, form.firstDay) : null,
    motifIds: form.motifIds,
  };
}

/** Fields the dialog shows; any other issue is listed in the summary. */
export const openingRangePaths = new Set([
  'practitionerId',
  'locationId',
  'title',
  'firstDay',
  'startTime',
  'endTime',
  'weekly.weekdays',
  'weekly.intervalWeeks',
  'weekly.until',
  'monthly',
  'monthly.monthDay',
  'monthly.intervalMonths',
  'monthly.until',
  'motifIds',
]);
