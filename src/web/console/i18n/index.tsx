import type { ReactNode } from 'react';
import { I18nProvider as SharedProvider, useI18nOf } from '../../shared/i18n';
import { type ConsoleKey, consoleFr } from './fr';

const loadEn = () => import('./en').then((module) => module.consoleEn);

export function I18nProvider({ children }: { children: ReactNode }) {
  return (
    <SharedProvider fr={consoleFr} loadEn={loadEn}>
      {children}
    </SharedProvider>
  );
}

export const useI18n = () => useI18nOf<ConsoleKey>();
