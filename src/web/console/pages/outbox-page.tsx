import { useCallback, useEffect, useState } from 'react';
import type { OutboxMessage } from '../../../contracts/outbox';
import { api } from '../../shared/api';
import { Button } from '../../shared/ui/button';
import { ErrorAlert } from '../../shared/ui/error-alert';
import { useI18n } from '../i18n';

type Channel = '' | OutboxMessage['channel'];
type Status = '' | OutboxMessage['status'];
const statuses: OutboxMessage['status'][] = ['pending', 'sending', 'sent', 'failed', 'held'];

/** Message kinds the outbox may hold, said in words (a new kind shows as "other message", never a key). */
const knownKinds = new Set([
  'appointment_confirmation',
  'appointment_reminder',
  'appointment_moved',
  'appointment_cancelled_by_practice',
  'appointment_cancelled_by_patient',
  'app_reminder',
  'app_sign_in_code',
  'booking_code',
  'signature_code',
  'secure_link_code',
  'secure_link',
  'document_signed',
  'staff_invitation',
  'staff_password_reset',
  'staff_sign_in_attack',
  'staff_mfa_guessing',
  'waitlist_offer',
  'waitlist_match',
  'message',
]);

/**
 * Console › Sent messages (admin): every SMS and email with its delivery state, a message the patient's
 * app took by Web Push shown as a notification; refreshes itself.
 */
export function OutboxPage() {
  const { t, lang } = useI18n();
  const kindLabel = (kind: string) =>
    t(`outbox.kind.${knownKinds.has(kind) ? kind : 'other'}` as 'outbox.kind.other');
  const [channel, setChannel] = useState<Channel>('');
  const [status, setStatus] = useState<Status>('');
  const [items, setItems] = useState<OutboxMessage[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const query = useCallback(
    (cursor?: string) => {
      const params = new URLSearchParams({ limit: '50' });
      if (channel) params.set('channel', channel);
      if (status) params.set('status', status);
      if (cursor) params.set('cursor', cursor);
      return api.get<{ items: OutboxMessage[]; nextCursor: string | null }>(`/api/console/outbox?${params}`, {
        background: true,
      });
    },
    [channel, status],
  );

  const load = useCallback(async () => {
    try {
      const page = await query();
      setItems(page.items);
      setNextCursor(page.nextCursor);
      setError(null);
    } catch (caught) {
      setError(caught);
    }
  }, [query]);

  useEffect(() => {
    void load();
    const timer = window.setInterval(() => void load(), 5000);
    return () => window.clearInterval(timer);
  }, [load]);

  const more = async () => {
    if (!nextCursor) return;
    const page = await query(nextCursor);
    setItems((current) => [...(current ?? []), ...page.items]);
    setNextCursor(page.nextCursor);
  };

  const when = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fr-FR', {
    dateStyle: 'short',
    timeStyle: 'medium',
  });
  return (
    <section>
      <h1>{t('outbox.title')}</h1>
      <p className="muted">{t('outbox.intro')}</p>
      <div className="toolbar">
        <label>
          {t('outbox.channel')}{' '}
          <select value={channel} onChange={(event) => setChannel(event.target.value as Channel)}>
            <option value="">{t('outbox.all')}</option>
            <option value="sms">{t('outbox.channel.sms')}</option>
            <option value="email">{t('outbox.channel.email')}</option>
            <option value="push">{t('outbox.channel.push')}</option>
          </select>
        </label>
        <label>
          {t('outbox.status')}{' '}
          <select value={status} onChange={(event) => setStatus(event.target.value as Status)}>
            <option value="">{t('outbox.all')}</option>
            {statuses.map((value) => (
              <option key={value} value={value}>
                {t(`outbox.status.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <Button variant="secondary" onClick={() => void load()}>
          {t('outbox.refresh')}
        </Button>
      </div>
      <ErrorAlert error={error} withFields />
      {items === null ? <p className="loading">{t('common.loading')}</p> : null}
      {items?.length === 0 ? <p className="muted">{t('outbox.empty')}</p> : null}
      {items && items.length > 0 ? (
        <div className="table-scroll">
          <table className="data outbox-table">
            <thead>
              <tr>
                <th scope="col">{t('outbox.when')}</th>
                <th scope="col">{t('outbox.to')}</th>
                <th scope="col">{t('outbox.text')}</th>
                <th scope="col">{t('outbox.status')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((message) => (
                <tr key={message.id}>
                  <td>
                    {when.format(new Date(message.createdAt))}
                    <br />
                    <span className="muted">
                      {t(`outbox.channel.${message.channel}`)} · {kindLabel(message.kind)}
                    </span>
                  </td>
                  <td>{message.recipient}</td>
                  <td className="outbox-table__text">
                    {message.subject ? <strong>{message.subject}</strong> : null}
                    {message.body === null ? (
                      <span className="muted">{t('outbox.hidden')}</span>
                    ) : (
                      <pre className="outbox-table__body">{message.body}</pre>
                    )}
                  </td>
                  <td>
                    <span className={`badge badge--${message.status}`}>
                      {t(`outbox.status.${message.status}`)}
                    </span>
                    {message.attempts > 1 ? (
                      <span className="muted"> {t('outbox.attempts', { count: message.attempts })}</span>
                    ) : null}
                    {message.lastError ? <p className="field__error">{message.lastError}</p> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {nextCursor ? (
        <Button variant="secondary" onClick={() => void more()}>
          {t('outbox.more')}
        </Button>
      ) : null}
    </section>
  );
}
