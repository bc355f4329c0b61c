import type { ReactNode } from 'react';
import { I18nProvider as SharedProvider, useI18nOf } from '../../shared/i18n';
import { type PatientKey, patientFr } from './fr';

const loadEn = () => import('./en').then((module) => module.patientEn);

export function I18nProvider({ children }: { children: ReactNode }) {
  return (
    <SharedProvider fr={patientFr} loadEn={loadEn}>
      {children}
    </SharedProvider>
  );
}

export const useI18n = () => useI18nOf<PatientKey>();
