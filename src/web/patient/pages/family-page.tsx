import { type FormEvent, useRef, useState } from 'react';
import type { ChangeRequest } from '../../../contracts/patient-app';
import { ApiError, api } from '../../shared/api';
import { displayDate, formatDateAsTyped, parseFrenchDate } from '../../shared/dates';
import { Alert } from '../../shared/ui/alert';
import { Button } from '../../shared/ui/button';
import { ErrorAlert } from '../../shared/ui/error-alert';
import { TextField } from '../../shared/ui/field';
import { audienceOf } from '../audience';
import { useI18n } from '../i18n';
import { useOfflineReadOnly } from '../pwa/offline';
import { useSession } from '../session';
import { LoadFailure, Loading } from '../ui/load-failure';
import { PageTitle } from '../ui/page-title';
import { firstInvalid, useFocusLater } from '../ui/use-focus-later';
import { useLoad } from '../use-load';

/**
 * APP-5, "Ma famille": every patient linked to the phone; which one the screens show (remembered on the
 * phone); asking the practice to add a dependant, which stays pending until staff validate it.
 */
export function FamilyPage() {
  const { t } = useI18n();
  const { me } = useSession();
  // a minor (e.g. signed in with a parent's phone) chooses whose file is shown, but never asks to add a
  // dependant, and is not told about "the people in your care" (issue 9 §3.15)
  const minor = audienceOf(me) === 'minor';
  const requests = useLoad<{ items: ChangeRequest[] }>(minor ? null : '/api/patient/change-requests');
  if (minor) {
    return (
      <>
        <PageTitle>{t('family.people')}</PageTitle>
        <p className="muted">{t('family.introPhone')}</p>
        <PersonChoice />
      </>
    );
  }
  return (
    <>
      <PageTitle>{t('family.title')}</PageTitle>
      <p className="muted">{t('family.intro')}</p>
      <PersonChoice />
      <section className="card home-card" aria-labelledby="dependant-requests">
        <h2 id="dependant-requests">{t('family.requestsTitle')}</h2>
        {requests.load.kind === 'loading' ? <Loading /> : null}
        {requests.load.kind === 'failed' ? (
          <LoadFailure error={requests.load.error} onRetry={requests.reload} />
        ) : null}
        {requests.load.kind === 'ready' ? (
          <DependantRequests
            items={requests.load.data.items.filter((item) => item.kind === 'add_dependant')}
          />
        ) : null}
      </section>
      <DependantForm onSent={requests.reload} />
    </>
  );
}

function PersonChoice() {
  const { t, lang } = useI18n();
  const { me, person, choosePerson } = useSession();
  const [said, setSaid] = useState<string | null>(null);
  return (
    <section className="card home-card" aria-labelledby="family-people">
      <h2 id="family-people">{t('family.people')}</h2>
      <fieldset className="choice">
        <legend>{t('family.shownLegend')}</legend>
        {me.family.map((member) => (
          <label key={member.id} className="choice__option">
            <input
              type="radio"
              name="person"
              value={member.id}
              checked={member.id === person.id}
              onChange={() => {
                choosePerson(member.id);
                setSaid(t('family.nowShown', { name: member.firstName }));
              }}
            />
            <span>
              <strong>
                {member.firstName} {member.lastName}
              </strong>
              {member.isSelf ? ` (${t('home.you')})` : ''}
              <span className="muted small choice__hint">
                {t('home.born', { date: displayDate(member.birthDate, lang) })}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <p className="small" aria-live="polite">
        {said}
      </p>
    </section>
  );
}

function DependantRequests({ items }: { items: ChangeRequest[] }) {
  const { t, lang } = useI18n();
  if (items.length === 0) return <p className="muted">{t('family.noRequests')}</p>;
  return (
    <ul className="requests">
      {items.map((item) => (
        <li key={item.id}>
          <strong>
            {item.dependant?.firstName} {item.dependant?.lastName}
          </strong>
          {item.dependant ? (
            <span className="muted small">
              {' '}
              · {t('home.born', { date: displayDate(item.dependant.birthDate, lang) })}
            </span>
          ) : null}
          <p className={`request-status request-status--${item.status}`}>
            {t(`request.${item.status}`)}
            {item.status === 'rejected' && item.reason ? ` — ${item.reason}` : ''}
          </p>
        </li>
      ))}
    </ul>
  );
}

const emptyDependant = { lastName: '', firstName: '', birthDate: '' };
type DependantField = keyof typeof emptyDependant;

function DependantForm({ onSent }: { onSent: () => void }) {
  const { t } = useI18n();
  const offline = useOfflineReadOnly();
  const [form, setForm] = useState(emptyDependant);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState<Partial<Record<DependantField, string>>>({});
  const [sent, setSent] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const focusLater = useFocusLater();
  const set = (field: DependantField) => (value: string) =>
    setForm((current) => ({ ...current, [field]: field === 'birthDate' ? formatDateAsTyped(value) : value }));
  const fieldError = (field: DependantField) =>
    missing[field] ?? (error instanceof ApiError ? error.issueFor(field) : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Partial<Record<DependantField, string>> = {};
    for (const field of ['lastName', 'firstName', 'birthDate'] as const) {
      if (!form[field].trim()) problems[field] = t('form.required');
    }
    const birthDate = parseFrenchDate(form.birthDate);
    if (!problems.birthDate && !birthDate) problems.birthDate = t('signIn.birthDateInvalid');
    setMissing(problems);
    setError(null);
    setSent(false);
    if (Object.keys(problems).length > 0 || !birthDate) {
      focusLater(firstInvalid(formRef));
      return;
    }
    setBusy(true);
    try {
      await api.post('/api/patient/dependant-requests', { ...form, birthDate });
      setForm(emptyDependant);
      setSent(true);
      onSent();
    } catch (caught) {
      setError(caught);
      focusLater(firstInvalid(formRef));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card home-card" aria-labelledby="dependant-form">
      <h2 id="dependant-form">{t('family.addTitle')}</h2>
      <p className="muted small">{t('family.addIntro')}</p>
      <div aria-live="polite">{sent ? <Alert tone="success">{t('family.sent')}</Alert> : null}</div>
      <ErrorAlert error={error} />
      <form ref={formRef} onSubmit={submit} noValidate>
        <TextField
          label={t('signIn.lastName')}
          autoComplete="off"
          value={form.lastName}
          onChange={set('lastName')}
          error={fieldError('lastName')}
          required
        />
        <TextField
          label={t('signIn.firstName')}
          autoComplete="off"
          value={form.firstName}
          onChange={set('firstName')}
          error={fieldError('firstName')}
          required
        />
        <TextField
          label={t('signIn.birthDate')}
          hint={t('signIn.birthDateHint')}
          inputMode="numeric"
          autoComplete="off"
          placeholder={t('signIn.birthDatePlaceholder')}
          value={form.birthDate}
          onChange={set('birthDate')}
          error={fieldError('birthDate')}
          maxLength={10}
          required
        />
        <Button type="submit" busy={busy} disabled={offline} className="button--block">
          {t('family.send')}
        </Button>
      </form>
    </section>
  );
}
