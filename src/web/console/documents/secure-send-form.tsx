import { type FormEvent, useState } from 'react';
import type { SecureLink } from '../../../contracts/documents';
import { ApiError, api } from '../../shared/api';
import { Button } from '../../shared/ui/button';
import { TextField } from '../../shared/ui/field';
import { useI18n } from '../i18n';
import { numberOf } from '../settings/common/field-errors';
import { FormAlert, shownPaths } from '../settings/common/form-alert';
import { RadioGroup } from '../settings/common/radio-group';
import { documentPaths } from './documents-api';

type Channel = SecureLink['channel'];

interface SecureSendFormProps {
  documentId: string;
  /** the patient's own mobile, offered first */
  phone: string;
  email: string;
  recipientName: string;
  onSent: (link: SecureLink) => void;
}

const isShown = shownPaths('phone', 'email', 'recipientName', 'expiresInDays');

/**
 * Sends a document through the secure results channel (DOC-5, seed 004) instead of a plain email: a
 * one-time link, opened with a code sent by SMS to the phone given here, until it expires.
 */
export function SecureSendForm({ documentId, phone, email, recipientName, onSent }: SecureSendFormProps) {
  const { t } = useI18n();
  const [form, setForm] = useState({ recipientName, phone, email, days: '7' });
  const [channel, setChannel] = useState<Channel>('sms');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const issue = (path: string) => (error instanceof ApiError ? error.issueFor(path) : undefined);
  const set = (key: keyof typeof form) => (value: string) =>
    setForm((current) => ({ ...current, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const link = await api.post<SecureLink>(documentPaths.secureLinks(documentId), {
        phone: form.phone,
        channel,
        ...(channel === 'email' ? { email: form.email } : {}),
        ...(form.recipientName.trim() ? { recipientName: form.recipientName } : {}),
        // a blank or wrong number goes as null: the server names the field
        expiresInDays: numberOf(form.days),
      });
      onSent(link);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="doc-secure-form" onSubmit={submit} noValidate>
      <p className="muted">{t('secure.intro')}</p>
      <div className="form-grid">
        <TextField
          label={t('secure.recipientName')}
          value={form.recipientName}
          maxLength={120}
          autoComplete="off"
          error={issue('recipientName')}
          onChange={set('recipientName')}
        />
        <TextField
          label={t('secure.phone')}
          hint={t('secure.phoneHint')}
          type="tel"
          autoComplete="off"
          value={form.phone}
          required
          requiredLabel={t('common.required')}
          error={issue('phone')}
          onChange={set('phone')}
        />
      </div>
      <RadioGroup<Channel>
        legend={t('secure.channel')}
        value={channel}
        onChange={setChannel}
        options={[
          { value: 'sms', label: t('secure.channel.sms') },
          { value: 'email', label: t('secure.channel.email') },
        ]}
      />
      <div className="form-grid">
        {channel === 'email' ? (
          <TextField
            label={t('secure.email')}
            hint={t('secure.emailHint')}
            type="email"
            autoComplete="off"
            value={form.email}
            required
            requiredLabel={t('common.required')}
            error={issue('email')}
            onChange={set('email')}
          />
        ) : null}
        <TextField
          label={t('secure.expiresInDays')}
          hint={t('secure.expiresInDaysHint')}
          type="number"
          inputMode="numeric"
          min={1}
          max={30}
          value={form.days}
          error={issue('expiresInDays')}
          onChange={set('days')}
        />
      </div>
      <FormAlert error={error} isShown={isShown} />
      <div className="form-actions">
        <Button type="submit" busy={busy}>
          {t('secure.send')}
        </Button>
      </div>
    </form>
  );
}
