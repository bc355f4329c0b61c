import type { PracticeSettings } from '../../../../contracts/settings';
import { isWeekday, type Weekday } from '../common/calendar';
import { numberOf, textOrNull } from '../common/field-errors';

export type Country = PracticeSettings['country'];
export type CancellationRule = 'dayBefore' | 'hours';
export const timeZones = ['Europe/Paris', 'Europe/Zurich'] as const;
export const slotGrids = [5, 10, 15, 20, 30] as const;
/** Swiss cantons, for their public holidays. */
export const cantons = [
  'AG',
  'AI',
  'AR',
  'BE',
  'BL',
  'BS',
  'FR',
  'GE',
  'GL',
  'GR',
  'JU',
  'LU',
  'NE',
  'NW',
  'OW',
  'SG',
  'SH',
  'SO',
  'SZ',
  'TG',
  'TI',
  'UR',
  'VD',
  'VS',
  'ZG',
  'ZH',
] as const;
export type Canton = (typeof cantons)[number];

export function isCanton(value: string): value is Canton {
  return (cantons as readonly string[]).includes(value);
}

/** One opening period; `key` keeps React rows stable while periods are added and removed. */
export interface PeriodRow {
  key: number;
  weekday: Weekday;
  opens: string;
  closes: string;
}

let nextKey = 1;
export function newPeriod(weekday: Weekday, opens: string, closes: string): PeriodRow {
  nextKey += 1;
  return { key: nextKey, weekday, opens, closes };
}

export interface PracticeForm {
  name: string;
  phone: string;
  email: string;
  addressLine: string;
  postalCode: string;
  city: string;
  country: Country;
  region: string;
  timeZone: string;
  /** sent in this order, so `openingHours.<index>` of an error points at the right row */
  openingHours: PeriodRow[];
  autoLockMinutes: string;
  slotGridMinutes: string;
  onlineBookingOpen: boolean;
  closedOnPublicHolidays: boolean;
  cancellation: CancellationRule;
  excusedNoticeHours: string;
  cancellationCutoffHours: string;
  reminderHoursBefore: string;
  waitlistEnabled: boolean;
  staffMfaRequired: boolean;
}

export function practiceFormOf(settings: PracticeSettings): PracticeForm {
  return {
    name: settings.name,
    phone: settings.phone ?? '',
    email: settings.email ?? '',
    addressLine: settings.addressLine ?? '',
    postalCode: settings.postalCode ?? '',
    city: settings.city ?? '',
    country: settings.country,
    region: settings.region ?? '',
    timeZone: settings.timeZone,
    openingHours: settings.openingHours.flatMap((period) =>
      isWeekday(period.weekday) ? [newPeriod(period.weekday, period.opens, period.closes)] : [],
    ),
    autoLockMinutes: String(settings.autoLockMinutes),
    slotGridMinutes: String(settings.slotGridMinutes),
    onlineBookingOpen: settings.onlineBookingOpen,
    closedOnPublicHolidays: settings.closedOnPublicHolidays,
    cancellation: settings.excusedNoticeHours === null ? 'dayBefore' : 'hours',
    excusedNoticeHours: String(settings.excusedNoticeHours ?? 24),
    cancellationCutoffHours: String(settings.cancellationCutoffHours),
    reminderHoursBefore: String(settings.reminderHoursBefore),
    waitlistEnabled: settings.waitlistEnabled,
    staffMfaRequired: settings.staffMfaRequired,
  };
}

export function practiceBodyOf(form: PracticeForm) {
  return {
    name: form.name,
    phone: textOrNull(form.phone),
    email: textOrNull(form.email),
    addressLine: textOrNull(form.addressLine),
    postalCode: textOrNull(form.postalCode),
    city: textOrNull(form.city),
    country: form.country,
    region: form.country === 'CH' ? textOrNull(form.region) : null,
    timeZone: form.timeZone,
    openingHours: form.openingHours.map(({ weekday, opens, closes }) => ({ weekday, opens, closes })),
    autoLockMinutes: numberOf(form.autoLockMinutes),
    slotGridMinutes: Number(form.slotGridMinutes),
    onlineBookingOpen: form.onlineBookingOpen,
    closedOnPublicHolidays: form.closedOnPublicHolidays,
    excusedNoticeHours: form.cancellation === 'hours' ? numberOf(form.excusedNoticeHours) : null,
    cancellationCutoffHours: numberOf(form.cancellationCutoffHours),
    reminderHoursBefore: numberOf(form.reminderHoursBefore),
    waitlistEnabled: form.waitlistEnabled,
    staffMfaRequired: form.staffMfaRequired,
  };
}

const simplePaths = new Set([
  'name',
  'phone',
  'email',
  'addressLine',
  'postalCode',
  'city',
  'country',
  'region',
  'timeZone',
  'autoLockMinutes',
  'slotGridMinutes',
  'excusedNoticeHours',
  'cancellationCutoffHours',
  'reminderHoursBefore',
]);

export function isPracticePathShown(path: string): boolean {
  return simplePaths.has(path) || /^openingHours\.\d+\.(opens|closes)$/.test(path);
}
