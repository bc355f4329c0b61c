import { useSyncExternalStore } from 'react';
import { onAnswer } from '../../shared/api';

/** Whether the last patient-data answer came from the service worker's offline copy. */
let lastAnswerOffline = false;
const subscribers = new Set<() => void>();

onAnswer(({ path, offline }) => {
  if (!path.startsWith('/api/patient/') || offline === lastAnswerOffline) return;
  lastAnswerOffline = offline;
  for (const notify of subscribers) notify();
});

function subscribe(notify: () => void): () => void {
  subscribers.add(notify);
  window.addEventListener('online', notify);
  window.addEventListener('offline', notify);
  return () => {
    subscribers.delete(notify);
    window.removeEventListener('online', notify);
    window.removeEventListener('offline', notify);
  };
}

const snapshot = () => lastAnswerOffline || !navigator.onLine;

/** Whether the last patient-data answer was the service worker's offline copy. */
export function isShowingOfflineCopy(): boolean {
  return lastAnswerOffline;
}

/**
 * True while the app shows data from its offline copy or the browser has no network: screens then disable
 * changes (cancel, move, book, edit) and show `<OfflineBanner />`. It turns false again with the first answer
 * fresh from the server, so a screen may refetch on the `online` event.
 */
export function useOfflineReadOnly(): boolean {
  return useSyncExternalStore(subscribe, snapshot, () => false);
}
