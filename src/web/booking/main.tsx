import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/styles.css';
import './booking.css';
import { BookingApp } from './booking-app';
import { I18nProvider } from './i18n';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <BookingApp />
      </I18nProvider>
    </StrictMode>,
  );
}
