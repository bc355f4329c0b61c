import type { Motif } from '../../../../contracts/settings';
import { numberOf, textOrNull } from '../common/field-errors';

export type MotifKind = Motif['kind'];
export type PatientRestriction = Motif['patientRestriction'];
export type DelayUnit = 'minutes' | 'hours';

/** A motif as its dialog holds it while typed; numbers stay text until sent. */
export interface MotifForm {
  name: string;
  category: string;
  durationMinutes: string;
  firstVisitDurationMinutes: string;
  colour: string;
  kind: MotifKind;
  onlineBookable: boolean;
  minDelay: string;
  minDelayUnit: DelayUnit;
  maxBookingDelayDays: string;
  patientRestriction: PatientRestriction;
  followUpOnly: boolean;
  bookableBySecretary: boolean;
  notificationsEnabled: boolean;
  instructionsBefore: string;
  instructionsAfter: string;
  bufferBeforeMinutes: string;
  bufferAfterMinutes: string;
}

export const newMotifForm: MotifForm = {
  name: '',
  category: '',
  durationMinutes: '30',
  firstVisitDurationMinutes: '',
  colour: '#0f6e6e',
  kind: 'on_site',
  onlineBookable: true,
  minDelay: '2',
  minDelayUnit: 'hours',
  maxBookingDelayDays: '90',
  patientRestriction: 'all',
  followUpOnly: false,
  bookableBySecretary: true,
  notificationsEnabled: true,
  instructionsBefore: '',
  instructionsAfter: '',
  bufferBeforeMinutes: '0',
  bufferAfterMinutes: '0',
};

export function motifFormOf(motif: Motif | null): MotifForm {
  if (!motif) return newMotifForm;
  const inHours = motif.minBookingDelayMinutes > 0 && motif.minBookingDelayMinutes % 60 === 0;
  return {
    name: motif.name,
    category: motif.category ?? '',
    durationMinutes: String(motif.durationMinutes),
    firstVisitDurationMinutes: motif.firstVisitDurationMinutes?.toString() ?? '',
    colour: motif.colour,
    kind: motif.kind,
    onlineBookable: motif.onlineBookable,
    minDelay: String(inHours ? motif.minBookingDelayMinutes / 60 : motif.minBookingDelayMinutes),
    minDelayUnit: inHours ? 'hours' : 'minutes',
    maxBookingDelayDays: motif.maxBookingDelayDays?.toString() ?? '',
    patientRestriction: motif.patientRestriction,
    followUpOnly: motif.followUpOnly,
    bookableBySecretary: motif.bookableBySecretary,
    notificationsEnabled: motif.notificationsEnabled,
    instructionsBefore: motif.instructionsBefore ?? '',
    instructionsAfter: motif.instructionsAfter ?? '',
    bufferBeforeMinutes: String(motif.bufferBeforeMinutes),
    bufferAfterMinutes: String(motif.bufferAfterMinutes),
  };
}

export function motifBodyOf(form: MotifForm) {
  const minDelay = numberOf(form.minDelay);
  return {
    name: form.name,
    category: textOrNull(form.category),
    durationMinutes: numberOf(form.durationMinutes),
    firstVisitDurationMinutes: numberOf(form.firstVisitDurationMinutes),
    colour: form.colour,
    kind: form.kind,
    onlineBookable: form.onlineBookable,
    // blank means "no minimum"
    minBookingDelayMinutes: minDelay === null ? 0 : form.minDelayUnit === 'hours' ? minDelay * 60 : minDelay,
    maxBookingDelayDays: numberOf(form.maxBookingDelayDays),
    patientRestriction: form.patientRestriction,
    followUpOnly: form.followUpOnly,
    bookableBySecretary: form.bookableBySecretary,
    notificationsEnabled: form.notificationsEnabled,
    instructionsBefore: textOrNull(form.instructionsBefore),
    instructionsAfter: textOrNull(form.instructionsAfter),
    bufferBeforeMinutes: numberOf(form.bufferBeforeMinutes) ?? 0,
    bufferAfterMinutes: numberOf(form.bufferAfterMinutes) ?? 0,
  };
}

export const motifPaths = new Set([
  'name',
  'category',
  'durationMinutes',
  'firstVisitDurationMinutes',
  'colour',
  'kind',
  'minBookingDelayMinutes',
  'maxBookingDelayDays',
  'patientRestriction',
  'instructionsBefore',
  'instructionsAfter',
  'bufferBeforeMinutes',
  'bufferAfterMinutes',
]);
