import { type FormEvent, useRef, useState } from 'react';
import type { ChangeRequest, InfoField } from '../../../contracts/patient-app';
import type { PatientFile } from '../../../contracts/patient-auth';
import { ApiError, api } from '../../shared/api';
import { Alert } from '../../shared/ui/alert';
import { Button } from '../../shared/ui/button';
import { ErrorAlert } from '../../shared/ui/error-alert';
import { TextField } from '../../shared/ui/field';
import { displayPhone, shortDateTime } from '../format';
import { useI18n } from '../i18n';
import type { PatientKey } from '../i18n/fr';
import { useOfflineReadOnly } from '../pwa/offline';
import { useSession } from '../session';
import { LoadFailure, Loading } from '../ui/load-failure';
import { PageTitle } from '../ui/page-title';
import { PersonPicker } from '../ui/person-picker';
import { firstInvalid, useFocusLater } from '../ui/use-focus-later';
import { useLoad } from '../use-load';

const fields: { name: InfoField; label: PatientKey; autoComplete: string; type?: string }[] = [
  { name: 'lastName', label: 'info.lastName', autoComplete: 'family-name' },
  { name: 'firstName', label: 'info.firstName', autoComplete: 'given-name' },
  { name: 'email', label: 'info.email', autoComplete: 'email', type: 'email' },
  { name: 'mobilePhone', label: 'info.mobilePhone', autoComplete: 'tel', type: 'tel' },
  { name: 'addressLine', label: 'info.addressLine', autoComplete: 'street-address' },
  { name: 'postalCode', label: 'info.postalCode', autoComplete: 'postal-code' },
  { name: 'city', label: 'info.city', autoComplete: 'address-level2' },
];

type Values = Record<InfoField, string>;

function valuesOf(file: PatientFile): Values {
  return {
    lastName: file.lastName,
    firstName: file.firstName,
    email: file.email ?? '',
    mobilePhone: file.mobilePhone ? displayPhone(file.mobilePhone) : '',
    addressLine: file.addressLine ?? '',
    postalCode: file.postalCode ?? '',
    city: file.city ?? '',
  };
}

/**
 * APP-4, "Mes informations": the file of the person the app shows (self or a dependant), editable. A change
 * is sent to the practice as a review request; the file changes only when staff accept it. Pending and
 * recently refused requests are shown.
 */
export function InfoPage() {
  const { t } = useI18n();
  const { person } = useSession();
  return (
    <>
      <PageTitle>{t('info.title')}</PageTitle>
      <PersonPicker />
      <PersonInfo key={person.id} patientId={person.id} />
    </>
  );
}

function PersonInfo({ patientId }: { patientId: string }) {
  const file = useLoad<PatientFile>(`/api/patient/patients/${encodeURIComponent(patientId)}`);
  const requests = useLoad<{ items: ChangeRequest[] }>('/api/patient/change-requests');
  if (file.load.kind === 'loading') return <Loading />;
  if (file.load.kind === 'failed') return <LoadFailure error={file.load.error} onRetry={file.reload} />;
  const mine =
    requests.load.kind === 'ready'
      ? requests.load.data.items.filter(
          (item) =>
            item.kind === 'update_info' && item.patient?.id === patientId && item.status !== 'accepted',
        )
      : [];
  return (
    <>
      {mine.map((request) => (
        <RequestNotice key={request.id} request={request} />
      ))}
      <InfoForm file={file.load.data} onSent={requests.reload} />
    </>
  );
}

function RequestNotice({ request }: { request: ChangeRequest }) {
  const { t, lang } = useI18n();
  const changes = Object.entries(request.changes ?? {}).filter(
    (entry): entry is [InfoField, string] => typeof entry[1] === 'string',
  );
  const labelOf = (name: InfoField) => t(fields.find((field) => field.name === name)?.label ?? 'info.title');
  return (
    <section
      className={`card request request--${request.status}`}
      aria-label={t(request.status === 'pending' ? 'info.pendingTitle' : 'info.rejectedTitle')}
    >
      <p className="request__title">
        <strong>{t(request.status === 'pending' ? 'info.pendingTitle' : 'info.rejectedTitle')}</strong>
      </p>
      <p className="muted small">{t('info.askedOn', { date: shortDateTime(request.createdAt, lang) })}</p>
      <dl className="request__changes">
        {changes.map(([name, value]) => (
          <div key={name}>
            <dt>{labelOf(name)}</dt>
            <dd>{name === 'mobilePhone' ? displayPhone(value) : value}</dd>
          </div>
        ))}
      </dl>
      {request.status === 'rejected' && request.reason ? (
        <p>{t('info.reason', { reason: request.reason })}</p>
      ) : null}
    </section>
  );
}

function InfoForm({ file, onSent }: { file: PatientFile; onSent: () => void }) {
  const { t } = useI18n();
  const offline = useOfflineReadOnly();
  const initial = valuesOf(file);
  const [values, setValues] = useState<Values>(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<{ tone: 'success' | 'info'; text: string } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const focusLater = useFocusLater();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setNotice(null);
    const changes = Object.fromEntries(
      fields
        .map(({ name }) => [name, values[name].trim()] as const)
        .filter(([name, value]) => value !== initial[name].trim()),
    );
    if (Object.keys(changes).length === 0) {
      setNotice({ tone: 'info', text: t('info.noChange') });
      return;
    }
    setBusy(true);
    try {
      await api.post(`/api/patient/patients/${encodeURIComponent(file.id)}/change-requests`, changes);
      setNotice({ tone: 'success', text: t('info.sent') });
      onSent();
    } catch (caught) {
      setError(caught);
      focusLater(firstInvalid(formRef));
    } finally {
      setBusy(false);
    }
  };

  const invalid = error instanceof ApiError && error.issues.length > 0;
  return (
    <section className="card" aria-labelledby="info-form">
      <h2 id="info-form">{t('info.formTitle', { name: `${file.firstName} ${file.lastName}` })}</h2>
      <p className="muted small">{t('info.intro')}</p>
      <div aria-live="polite">{notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}</div>
      {invalid ? <Alert tone="error">{t('form.fixFields')}</Alert> : <ErrorAlert error={error} />}
      <form ref={formRef} onSubmit={submit} noValidate>
        {fields.map((field) => (
          <TextField
            key={field.name}
            label={t(field.label)}
            type={field.type ?? 'text'}
            autoComplete={field.autoComplete}
            value={values[field.name]}
            onChange={(value) => setValues((current) => ({ ...current, [field.name]: value }))}
            error={error instanceof ApiError ? error.issueFor(field.name) : undefined}
          />
        ))}
        <Button type="submit" busy={busy} disabled={offline} className="button--block">
          {t('info.submit')}
        </Button>
      </form>
    </section>
  );
}
