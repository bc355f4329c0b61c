import type { MotifKind, PatientRestriction } from '../db/schema';

/** Motifs of the demo practice (SET-4). Keys tie them to opening ranges below. */
export interface DemoMotif {
  key: string;
  name: string;
  category: string;
  durationMinutes: number;
  firstVisitDurationMinutes?: number;
  colour: string;
  kind?: MotifKind;
  onlineBookable: boolean;
  minBookingDelayMinutes?: number;
  maxBookingDelayDays?: number;
  patientRestriction?: PatientRestriction;
  followUpOnly?: boolean;
  bufferAfterMinutes?: number;
  instructionsBefore?: string;
  instructionsAfter?: string;
}

export const demoMotifs: DemoMotif[] = [
  {
    key: 'controle',
    name: 'Consultation de contrôle',
    category: 'Soins courants',
    durationMinutes: 30,
    firstVisitDurationMinutes: 45,
    colour: '#2563eb',
    onlineBookable: true,
    minBookingDelayMinutes: 120,
    maxBookingDelayDays: 90,
    instructionsAfter: 'Pensez à apporter votre carte Vitale et votre carte de mutuelle.',
  },
  {
    key: 'premiere',
    name: 'Première consultation',
    category: 'Soins courants',
    durationMinutes: 45,
    colour: '#7c3aed',
    onlineBookable: true,
    minBookingDelayMinutes: 240,
    maxBookingDelayDays: 120,
    patientRestriction: 'new_only',
    instructionsBefore: 'Merci d’arriver 10 minutes en avance pour remplir le questionnaire médical.',
    instructionsAfter: 'Apportez vos radiographies récentes si vous en avez, et votre carte Vitale.',
  },
  {
    key: 'detartrage',
    name: 'Détartrage',
    category: 'Soins courants',
    durationMinutes: 30,
    colour: '#0891b2',
    onlineBookable: true,
    minBookingDelayMinutes: 120,
    maxBookingDelayDays: 90,
    patientRestriction: 'existing_only',
  },
  {
    key: 'soins',
    name: 'Soins (suite de traitement)',
    category: 'Soins courants',
    durationMinutes: 45,
    colour: '#059669',
    onlineBookable: true,
    minBookingDelayMinutes: 120,
    maxBookingDelayDays: 60,
    patientRestriction: 'existing_only',
    followUpOnly: true,
  },
  {
    key: 'urgence',
    name: 'Urgence dentaire',
    category: 'Urgences',
    durationMinutes: 30,
    colour: '#dc2626',
    onlineBookable: true,
    minBookingDelayMinutes: 30,
    maxBookingDelayDays: 3,
    instructionsBefore: 'En cas de fièvre ou de gonflement important du visage, appelez le 15.',
  },
  {
    key: 'extraction',
    name: 'Extraction',
    category: 'Chirurgie',
    durationMinutes: 60,
    colour: '#b45309',
    onlineBookable: false,
    bufferAfterMinutes: 15,
    instructionsAfter: 'Ne pas fumer ni boire chaud pendant 24 h.',
  },
  {
    key: 'implant',
    name: 'Pose d’implant',
    category: 'Chirurgie',
    durationMinutes: 90,
    colour: '#92400e',
    onlineBookable: false,
    bufferAfterMinutes: 15,
  },
  {
    key: 'ortho',
    name: 'Consultation d’orthodontie',
    category: 'Orthodontie',
    durationMinutes: 30,
    firstVisitDurationMinutes: 45,
    colour: '#db2777',
    onlineBookable: true,
    minBookingDelayMinutes: 240,
    maxBookingDelayDays: 120,
  },
  {
    key: 'ortho-suivi',
    name: 'Contrôle orthodontique',
    category: 'Orthodontie',
    durationMinutes: 20,
    colour: '#be185d',
    onlineBookable: true,
    minBookingDelayMinutes: 120,
    maxBookingDelayDays: 60,
    patientRestriction: 'existing_only',
    followUpOnly: true,
  },
  {
    key: 'teleconsultation',
    name: 'Conseil par téléphone',
    category: 'Soins courants',
    durationMinutes: 15,
    colour: '#64748b',
    kind: 'phone',
    onlineBookable: false,
  },
  // booked at the desk after a check-up: prevention for children, prosthetics for adults
  {
    key: 'scellement',
    name: 'Scellement des sillons',
    category: 'Prévention',
    durationMinutes: 30,
    colour: '#0d9488',
    onlineBookable: false,
  },
  {
    key: 'fluor',
    name: 'Vernis fluoré',
    category: 'Prévention',
    durationMinutes: 20,
    colour: '#14b8a6',
    onlineBookable: false,
  },
  {
    key: 'couronne',
    name: 'Couronne (empreinte ou pose)',
    category: 'Prothèse',
    durationMinutes: 60,
    colour: '#a16207',
    onlineBookable: false,
  },
  {
    key: 'prothese',
    name: 'Prothèse amovible (essayage)',
    category: 'Prothèse',
    durationMinutes: 45,
    colour: '#78716c',
    onlineBookable: false,
  },
];

export interface DemoRange {
  practitioner: 'bernard' | 'haddad' | 'moreau';
  location: 'lyon' | 'villeurbanne';
  weekdays: number[];
  intervalWeeks: number;
  start: string;
  end: string;
  motifs: string[];
}

const general = [
  'controle',
  'premiere',
  'detartrage',
  'soins',
  'urgence',
  'extraction',
  'implant',
  'teleconsultation',
  'scellement',
  'fluor',
  'couronne',
  'prothese',
];
const orthodontics = ['ortho', 'ortho-suivi', 'teleconsultation'];

export const demoRanges: DemoRange[] = [
  {
    practitioner: 'bernard',
    location: 'lyon',
    weekdays: [1, 2, 3, 4, 5],
    intervalWeeks: 1,
    start: '09:00',
    end: '12:30',
    motifs: general,
  },
  {
    practitioner: 'bernard',
    location: 'lyon',
    weekdays: [1, 2, 4, 5],
    intervalWeeks: 1,
    start: '14:00',
    end: '18:30',
    motifs: general,
  },
  {
    practitioner: 'haddad',
    location: 'lyon',
    weekdays: [2, 4],
    intervalWeeks: 1,
    start: '09:00',
    end: '12:00',
    motifs: orthodontics,
  },
  {
    practitioner: 'haddad',
    location: 'lyon',
    weekdays: [2, 4],
    intervalWeeks: 1,
    start: '13:30',
    end: '18:00',
    motifs: orthodontics,
  },
  {
    practitioner: 'haddad',
    location: 'villeurbanne',
    weekdays: [3],
    intervalWeeks: 2,
    start: '09:00',
    end: '12:00',
    motifs: orthodontics,
  },
  {
    practitioner: 'moreau',
    location: 'villeurbanne',
    weekdays: [1, 3, 5],
    intervalWeeks: 1,
    start: '08:30',
    end: '12:30',
    motifs: general,
  },
  {
    practitioner: 'moreau',
    location: 'villeurbanne',
    weekdays: [1, 3, 5],
    intervalWeeks: 1,
    start: '14:00',
    end: '19:00',
    motifs: general,
  },
  {
    practitioner: 'moreau',
    location: 'lyon',
    weekdays: [4],
    intervalWeeks: 1,
    start: '14:00',
    end: '18:00',
    motifs: general,
  },
];
