import { serviceWorkerScope, serviceWorkerUrl } from './protocol';

/**
 * Registers the app's service worker once the page has loaded, so it does not compete with the first paint. Not
 * under Vite's dev server (`import.meta.hot`), which has no worker: the build makes it. A failure only costs
 * the offline mode.
 */
export function registerServiceWorker(): void {
  if (import.meta.hot || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register(serviceWorkerUrl, { scope: serviceWorkerScope }).catch(() => undefined);
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
