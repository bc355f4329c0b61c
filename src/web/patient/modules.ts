import type { AppModule } from '../../contracts/patient-app';
import type { PatientKey } from './i18n/fr';

/** The modules that are not built yet: their tile leads to a "coming soon" page at /bientot/<path>. */
export const comingModules = [
  { module: 'payments', path: 'paiements', label: 'tile.payments' },
  { module: 'imaging', path: 'imagerie', label: 'tile.imaging' },
  { module: 'questionnaires', path: 'formulaires', label: 'tile.questionnaires' },
] as const satisfies readonly { module: AppModule; path: string; label: PatientKey }[];

/** The modules built in the app besides appointments: their tile leads to their screen. */
export const builtModules = [
  { module: 'messaging', href: '/messagerie', label: 'tile.messaging' },
  { module: 'documents', href: '/documents', label: 'tile.documents' },
] as const satisfies readonly { module: AppModule; href: string; label: PatientKey }[];
