import { type FormEvent, useRef, useState } from 'react';
import type { Reminder, ReminderList } from '../../../contracts/patient-app';
import { ApiError, api } from '../../shared/api';
import { Alert } from '../../shared/ui/alert';
import { Button } from '../../shared/ui/button';
import { ErrorAlert } from '../../shared/ui/error-alert';
import { TextField } from '../../shared/ui/field';
import { SelectField } from '../../shared/ui/select-field';
import { useI18n } from '../i18n';
import { PushSettings } from '../push/push-settings';
import { useOfflineReadOnly } from '../pwa/offline';
import { LoadFailure, Loading } from '../ui/load-failure';
import { PageTitle } from '../ui/page-title';
import { firstInvalid, useFocusLater } from '../ui/use-focus-later';
import { useLoad } from '../use-load';

const dayChoices = Array.from({ length: 15 }, (_, days) => days);

/**
 * APP-7, "Mes rappels": the reminders sent before each appointment, "N jours avant à HH:MM" (by default one
 * day before at 12:00, as the API says); add one (0 to 14 days, a time) or remove one. Below them, whether
 * this device receives notifications (messages and reminders by Web Push instead of SMS or email).
 */
export function RemindersPage() {
  const { t } = useI18n();
  const { load, reload, setData } = useLoad<ReminderList>('/api/patient/reminders');
  return (
    <>
      <PageTitle>{t('reminders.title')}</PageTitle>
      <p className="muted">{t('reminders.intro')}</p>
      {load.kind === 'loading' ? <Loading /> : null}
      {load.kind === 'failed' ? <LoadFailure error={load.error} onRetry={reload} /> : null}
      {load.kind === 'ready' ? <Reminders list={load.data} onList={setData} /> : null}
      <PushSettings />
    </>
  );
}

function useReminderLabel() {
  const { t } = useI18n();
  return (reminder: Pick<Reminder, 'daysBefore' | 'time'>) =>
    reminder.daysBefore === 0
      ? t('reminders.sameDay', { time: reminder.time })
      : reminder.daysBefore === 1
        ? t('reminders.oneDay', { time: reminder.time })
        : t('reminders.days', { days: reminder.daysBefore, time: reminder.time });
}

function Reminders({ list, onList }: { list: ReminderList; onList: (list: ReminderList) => void }) {
  const { t } = useI18n();
  const offline = useOfflineReadOnly();
  const label = useReminderLabel();
  const [removing, setRemoving] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [said, setSaid] = useState<string | null>(null);

  const remove = async (reminder: Reminder) => {
    setRemoving(reminder.id);
    setError(null);
    setSaid(null);
    try {
      onList(await api.delete<ReminderList>(`/api/patient/reminders/${encodeURIComponent(reminder.id)}`));
      setSaid(t('reminders.removed', { reminder: label(reminder) }));
    } catch (caught) {
      setError(caught);
    } finally {
      setRemoving(null);
    }
  };

  return (
    <>
      <section className="card home-card" aria-labelledby="reminders-list">
        <h2 id="reminders-list">{t('reminders.listTitle')}</h2>
        <p className="small">{t(list.channel === 'email' ? 'reminders.byEmail' : 'reminders.bySms')}</p>
        <div aria-live="polite">{said ? <p className="small">{said}</p> : null}</div>
        <ErrorAlert error={error} withFields />
        {list.items.length === 0 ? (
          <p className="muted">{t('reminders.none')}</p>
        ) : (
          <ul className="reminders">
            {list.items.map((reminder) => (
              <li key={reminder.id}>
                <span>
                  {label(reminder)}
                  {list.isDefault ? <span className="muted small"> {t('reminders.default')}</span> : null}
                </span>
                <Button
                  variant="secondary"
                  busy={removing === reminder.id}
                  disabled={offline}
                  aria-label={t('reminders.removeOne', { reminder: label(reminder) })}
                  onClick={() => void remove(reminder)}
                >
                  {t('reminders.remove')}
                </Button>
              </li>
            ))}
          </ul>
        )}
        <p className="muted small">{t('reminders.delay')}</p>
      </section>
      <AddReminder list={list} onList={onList} onAdded={(text) => setSaid(text)} />
    </>
  );
}

function AddReminder({
  list,
  onList,
  onAdded,
}: {
  list: ReminderList;
  onList: (list: ReminderList) => void;
  onAdded: (text: string) => void;
}) {
  const { t } = useI18n();
  const offline = useOfflineReadOnly();
  const label = useReminderLabel();
  const [days, setDays] = useState('1');
  const [time, setTime] = useState('12:00');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const full = list.items.length >= list.max;
  const formRef = useRef<HTMLFormElement>(null);
  const focusLater = useFocusLater();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const reminder = { daysBefore: Number(days), time };
    setBusy(true);
    try {
      onList(await api.post<ReminderList>('/api/patient/reminders', reminder));
      onAdded(t('reminders.added', { reminder: label(reminder) }));
    } catch (caught) {
      setError(caught);
      focusLater(firstInvalid(formRef));
    } finally {
      setBusy(false);
    }
  };
  const issue = (path: string) => (error instanceof ApiError ? error.issueFor(path) : undefined);

  return (
    <section className="card home-card" aria-labelledby="reminder-add">
      <h2 id="reminder-add">{t('reminders.addTitle')}</h2>
      {full ? <Alert tone="info">{t('reminders.full', { max: list.max })}</Alert> : null}
      <ErrorAlert error={error} />
      {error instanceof ApiError && error.issues.length > 0 && !issue('daysBefore') && !issue('time') ? (
        <Alert tone="error">{error.issues.map((item) => item.message).join(' ')}</Alert>
      ) : null}
      <form ref={formRef} onSubmit={submit} noValidate className="reminder-form">
        <SelectField
          label={t('reminders.daysLabel')}
          value={days}
          onChange={setDays}
          error={issue('daysBefore')}
        >
          {dayChoices.map((count) => (
            <option key={count} value={String(count)}>
              {count === 0
                ? t('reminders.sameDayOption')
                : count === 1
                  ? t('reminders.oneDayOption')
                  : t('reminders.daysOption', { days: count })}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('reminders.timeLabel')}
          type="time"
          value={time}
          onChange={setTime}
          error={issue('time')}
          step={300}
          required
        />
        <Button type="submit" busy={busy} disabled={offline || full} className="button--block">
          {t('reminders.add')}
        </Button>
      </form>
    </section>
  );
}
