import type { ReactNode } from 'react';
import { I18nProvider as SharedProvider, useI18nOf } from '../../shared/i18n';
import { type BookingKey, bookingFr } from './fr';

const loadEn = () => import('./en').then((module) => module.bookingEn);

export function I18nProvider({ children }: { children: ReactNode }) {
  return (
    <SharedProvider fr={bookingFr} loadEn={loadEn}>
      {children}
    </SharedProvider>
  );
}

export const useI18n = () => useI18nOf<BookingKey>();
