import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/styles.css';
import './patient.css';
import { I18nProvider } from './i18n';
import { PatientApp } from './patient-app';
import { registerServiceWorker } from './pwa/register';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <PatientApp />
      </I18nProvider>
    </StrictMode>,
  );
}

registerServiceWorker();
