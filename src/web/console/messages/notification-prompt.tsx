import { useState } from 'react';
import { Button } from '../../shared/ui/button';
import { useI18n } from '../i18n';
import {
  askNotificationPermission,
  type NotificationState,
  notificationState,
} from './browser-notifications';

/** Offers the browser's notifications (NOT-4), asked only from this button's click. */
export function NotificationPrompt() {
  const { t } = useI18n();
  const [state, setState] = useState<NotificationState>(notificationState);
  if (state === 'unsupported') return null;
  if (state === 'granted') {
    return <p className="messages__notify muted">{t('messages.notify.on')}</p>;
  }
  if (state === 'denied') {
    return <p className="messages__notify muted">{t('messages.notify.denied')}</p>;
  }
  return (
    <div className="messages__notify">
      <Button
        variant="secondary"
        aria-describedby="messages-notify-hint"
        onClick={() => void askNotificationPermission().then(setState)}
      >
        {t('messages.notify.enable')}
      </Button>
      <p id="messages-notify-hint" className="field__hint">
        {t('messages.notify.enableHint')}
      </p>
    </div>
  );
}
