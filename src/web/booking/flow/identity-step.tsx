import { type FormEvent, useState } from 'react';
import type { CodeChallenge } from '../../../contracts/patient-auth';
import { ApiError, api } from '../../shared/api';
import { formatDateAsTyped, parseFrenchDate } from '../../shared/dates';
import { Alert } from '../../shared/ui/alert';
import { Button } from '../../shared/ui/button';
import { TextField } from '../../shared/ui/field';
import { enc } from '../booking-api';
import { useI18n } from '../i18n';
import { RefusalAlert } from '../ui/refusal-alert';
import { StepHeading } from '../ui/step-heading';
import type { Identity, UpdateMemory } from './flow-types';

/**
 * "Who are you" (BOOK-2): phone, last name, first name, birth date, all required; a code goes by SMS to
 * the phone. The answer is the same for a known and a new person, so the page reveals nothing.
 */
export function IdentityStep({
  slug,
  identity,
  updateMemory,
  notice,
}: {
  slug: string;
  identity: Identity;
  updateMemory: UpdateMemory;
  /** why the patient is asked again (the verification expired) */
  notice: string | null;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState<Partial<Record<keyof Identity, string>>>({});
  const set = (field: keyof Identity) => (value: string) =>
    updateMemory({
      identity: { ...identity, [field]: field === 'birthDate' ? formatDateAsTyped(value) : value },
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const birthDate = parseFrenchDate(identity.birthDate);
    const problems: Partial<Record<keyof Identity, string>> = {};
    for (const field of ['phone', 'lastName', 'firstName'] as const) {
      if (!identity[field].trim()) problems[field] = t('form.required');
    }
    if (!birthDate)
      problems.birthDate = identity.birthDate.trim() ? t('identity.birthDateInvalid') : t('form.required');
    setMissing(problems);
    setError(null);
    if (Object.keys(problems).length > 0 || !birthDate) return;
    setBusy(true);
    try {
      const challenge = await api.post<CodeChallenge>(`/api/public/practices/${enc(slug)}/booking/identify`, {
        phone: identity.phone,
        lastName: identity.lastName,
        firstName: identity.firstName,
        birthDate,
      });
      updateMemory({ challenge });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (path: keyof Identity) =>
    missing[path] ?? (error instanceof ApiError ? error.issueFor(path) : undefined);
  const fieldsOnly = error instanceof ApiError && error.issues.length > 0;

  return (
    <section className="step" aria-labelledby="identity-step">
      <StepHeading id="identity-step">{t('identity.title')}</StepHeading>
      {notice ? <Alert tone="info">{notice}</Alert> : null}
      <p>{t('identity.intro')}</p>
      {fieldsOnly ? (
        <Alert tone="error">{t('form.fixFields')}</Alert>
      ) : (
        <RefusalAlert error={error} phone={null} />
      )}
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('identity.phone')}
          hint={t('identity.phoneHint')}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          value={identity.phone}
          onChange={set('phone')}
          error={fieldError('phone')}
          required
          requiredLabel={t('form.requiredMark')}
        />
        <TextField
          label={t('identity.lastName')}
          autoComplete="family-name"
          value={identity.lastName}
          onChange={set('lastName')}
          error={fieldError('lastName')}
          required
          requiredLabel={t('form.requiredMark')}
        />
        <TextField
          label={t('identity.firstName')}
          autoComplete="given-name"
          value={identity.firstName}
          onChange={set('firstName')}
          error={fieldError('firstName')}
          required
          requiredLabel={t('form.requiredMark')}
        />
        <TextField
          label={t('identity.birthDate')}
          hint={t('identity.birthDateHint')}
          inputMode="numeric"
          autoComplete="bday"
          placeholder={t('identity.birthDatePlaceholder')}
          value={identity.birthDate}
          onChange={set('birthDate')}
          error={fieldError('birthDate')}
          maxLength={10}
          required
          requiredLabel={t('form.requiredMark')}
        />
        <p className="muted small">{t('identity.forChild')}</p>
        <Button type="submit" busy={busy} className="button--block">
          {t('identity.submit')}
        </Button>
      </form>
    </section>
  );
}
