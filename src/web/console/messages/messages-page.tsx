import { useEffect } from 'react';
import { useRoute } from 'wouter';
import type { StaffMe } from '../../../contracts/staff-auth';
import { useI18n } from '../i18n';
import { InboxPanel } from './inbox-panel';
import { NotificationPrompt } from './notification-prompt';
import { ThreadPanel } from './thread-panel';
import './messages.css';

/**
 * Console › Messagerie (MSG-1, MSG-3), nested at /console/messages: the inbox beside the open thread
 * (/messages/:patientId). On a phone one shows at a time, the thread with a way back to the inbox.
 */
export function MessagesPage({ me }: { me: StaffMe }) {
  const { t } = useI18n();
  const [, params] = useRoute('/:patientId');
  const patientId = params?.patientId ?? null;
  useEffect(() => {
    document.title = `${t('messages.title')} · ${t('common.appName')}`;
  }, [t]);
  return (
    <section className="messages" aria-labelledby="messages-title">
      <div className="messages__head">
        <h1 id="messages-title">{t('messages.title')}</h1>
        <NotificationPrompt />
      </div>
      <div className={`messages__layout${patientId ? ' has-thread' : ''}`}>
        <InboxPanel selectedId={patientId} timeZone={me.practice.timeZone} />
        {patientId ? (
          <ThreadPanel key={patientId} patientId={patientId} timeZone={me.practice.timeZone} />
        ) : (
          <p className="messages__choose muted">{t('messages.choose')}</p>
        )}
      </div>
    </section>
  );
}
