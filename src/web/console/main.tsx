import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/styles.css';
import './console.css';
import { ConsoleApp } from './console-app';
import { I18nProvider } from './i18n';
import { SessionProvider } from './session';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <SessionProvider>
          <ConsoleApp />
        </SessionProvider>
      </I18nProvider>
    </StrictMode>,
  );
}
