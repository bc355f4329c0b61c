import { useState } from 'react';
import { Link } from 'wouter';
import type { InboxThread } from '../../../contracts/messaging';
import { Button } from '../../shared/ui/button';
import { CheckboxField } from '../../shared/ui/checkbox-field';
import { TextField } from '../../shared/ui/field';
import { useI18n } from '../i18n';
import { ResourceState } from '../settings/common/resource-state';
import { formatWhen } from './format';
import { useInbox } from './use-inbox';

interface InboxPanelProps {
  selectedId: string | null;
  timeZone: string;
}

/** The threads, newest message first: search by patient, unread only, "show more". */
export function InboxPanel({ selectedId, timeZone }: InboxPanelProps) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [unread, setUnread] = useState(false);
  const inbox = useInbox(q, unread);
  return (
    <section className="messages__inbox" aria-labelledby="messages-inbox-title">
      <h2 id="messages-inbox-title">{t('messages.inbox')}</h2>
      <search className="messages__filters">
        <TextField
          type="search"
          label={t('messages.search')}
          hint={t('messages.searchHint')}
          value={q}
          onChange={setQ}
        />
        <CheckboxField label={t('messages.onlyUnread')} checked={unread} onChange={setUnread} />
      </search>
      {inbox.items === null ? (
        <ResourceState error={inbox.error} onRetry={inbox.reload} />
      ) : inbox.items.length === 0 ? (
        <p className="muted">{q || unread ? t('messages.noMatch') : t('messages.empty')}</p>
      ) : (
        <ul className="messages__threads">
          {inbox.items.map((item) => (
            <li key={item.threadId}>
              <InboxItem item={item} selected={item.patient.id === selectedId} timeZone={timeZone} />
            </li>
          ))}
        </ul>
      )}
      {inbox.nextCursor && inbox.items?.length ? (
        <Button variant="secondary" busy={inbox.loadingMore} onClick={inbox.more}>
          {t('messages.more')}
        </Button>
      ) : null}
    </section>
  );
}

function InboxItem({ item, selected, timeZone }: { item: InboxThread; selected: boolean; timeZone: string }) {
  const { t, lang } = useI18n();
  const { patient, lastMessage, unreadCount } = item;
  const name = `${patient.lastName.toUpperCase()} ${patient.firstName}`;
  const excerpt =
    lastMessage.preview ||
    (lastMessage.attachmentCount > 0
      ? t('messages.attachmentsCount', { count: lastMessage.attachmentCount })
      : '');
  return (
    <Link
      href={`/${patient.id}`}
      className={`messages__thread${unreadCount > 0 ? ' is-unread' : ''}`}
      aria-current={selected ? 'page' : undefined}
    >
      <span className="messages__thread-top">
        <span className="messages__thread-name">{name}</span>
        <time dateTime={lastMessage.createdAt}>{formatWhen(lastMessage.createdAt, lang, timeZone)}</time>
      </span>
      <span className="messages__thread-excerpt">
        {lastMessage.authorKind === 'staff' ? t('messages.you') : ''}
        {excerpt}
      </span>
      {unreadCount > 0 ? (
        <span className="nav-badge messages__thread-unread">
          {t('messages.unreadCount', { count: unreadCount })}
        </span>
      ) : null}
    </Link>
  );
}
