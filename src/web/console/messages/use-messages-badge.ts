import { useRef } from 'react';
import { useLocation } from 'wouter';
import { useI18n } from '../i18n';
import { shouldNotify, showMessageNotification } from './browser-notifications';
import { useUnreadMessages } from './use-unread-messages';

/**
 * The navigation's Messagerie badge (unread patient messages), and the browser notification when one
 * arrives while the tab is hidden or another page is open (NOT-4). `null` until known or while inactive.
 */
export function useMessagesBadge(active: boolean): number | null {
  const { t } = useI18n();
  const [location, navigate] = useLocation();
  const onMessagesPage = useRef(false);
  onMessagesPage.current = location === '/messages' || location.startsWith('/messages/');
  return useUnreadMessages(active, (arrival) => {
    if (!shouldNotify(onMessagesPage.current)) return;
    showMessageNotification(
      {
        title: t('messages.notify.title'),
        body:
          arrival.unread === null
            ? t('messages.notify.body')
            : t('messages.notify.bodyCount', { count: arrival.unread }),
      },
      `sourire-thread-${arrival.threadId}`,
      () => navigate(`/messages/${arrival.patientId}`),
    );
  });
}
