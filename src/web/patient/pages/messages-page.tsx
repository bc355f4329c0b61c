import { Link } from 'wouter';
import type { PatientThread, PatientThreadList } from '../../../contracts/messaging';
import { shortDateTime } from '../format';
import { useI18n } from '../i18n';
import { messagingPaths } from '../messaging/messaging-api';
import { useMessageStream } from '../messaging/use-message-stream';
import { useSession } from '../session';
import { LoadFailure, Loading, ModuleDisabled } from '../ui/load-failure';
import { PageTitle } from '../ui/page-title';
import { useLoad } from '../use-load';

/**
 * "Messagerie" (MSG-1): one conversation with the practice per patient of the phone, with the newest
 * message and the practice's unread messages; the list follows new messages live.
 */
export function MessagesPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const enabled = me.modules.messaging.enabled;
  const { load, reload } = useLoad<PatientThreadList>(enabled ? messagingPaths.threads : null);
  useMessageStream(reload, reload);
  return (
    <>
      <PageTitle>{t('msg.title')}</PageTitle>
      {enabled ? (
        <>
          <p className="muted">{t('msg.intro')}</p>
          {load.kind === 'loading' ? <Loading /> : null}
          {load.kind === 'failed' ? <LoadFailure error={load.error} onRetry={reload} /> : null}
          {load.kind === 'ready' ? <ThreadList threads={load.data.items} /> : null}
        </>
      ) : (
        <ModuleDisabled />
      )}
    </>
  );
}

function ThreadList({ threads }: { threads: PatientThread[] }) {
  const { t } = useI18n();
  return (
    <section className="card home-card" aria-labelledby="threads-title">
      <h2 id="threads-title">{t('msg.threadsTitle')}</h2>
      <ul className="threads">
        {threads.map((thread) => (
          <li key={thread.patientId}>
            <ThreadLink thread={thread} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function ThreadLink({ thread }: { thread: PatientThread }) {
  const { t, lang } = useI18n();
  const last = thread.lastMessage;
  return (
    <Link href={`/messagerie/${thread.patientId}`} className="thread-link">
      <span className="thread-link__head">
        <strong>
          {thread.firstName} {thread.lastName}
        </strong>
        {thread.unreadCount > 0 ? (
          <span className="badge badge--unread">{t('msg.unread', { count: thread.unreadCount })}</span>
        ) : null}
      </span>
      {last ? (
        <>
          <span className="thread-link__preview">
            {last.authorKind === 'patient' ? t('msg.fromYou') : t('msg.fromPractice')}{' '}
            {last.preview || t('msg.attachmentCount', { count: last.attachmentCount })}
          </span>
          <span className="muted small">{shortDateTime(last.createdAt, lang)}</span>
        </>
      ) : (
        <span className="muted small">{t('msg.noMessage')}</span>
      )}
    </Link>
  );
}
