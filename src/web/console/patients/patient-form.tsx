import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { PatientDetail } from '../../../contracts/patients';
import { ApiError, api } from '../../shared/api';
import { Button } from '../../shared/ui/button';
import { ErrorAlert } from '../../shared/ui/error-alert';
import { useI18n } from '../i18n';
import { CareFields } from './care-fields';
import { type DuplicateMatch, DuplicateWarning, duplicateMatches } from './duplicate-warning';
import { ContactFields, IdentityFields } from './identity-fields';
import {
  bodyOf,
  draftFrom,
  hasResponsable,
  type PatientDraft,
  type PatientInitial,
  relationRoles,
} from './patient-draft';
import { ResponsableField } from './responsable-field';
import './patients.css';

interface PatientFormProps {
  /** the file to edit (it has an id), or what is already known of a new patient */
  initial?: PatientInitial;
  onSaved: (patient: PatientDetail) => void;
  onCancel?: () => void;
  /**
   * Inside another screen (the agenda's patient picker): no <form> element of its own, so it may sit in
   * a surrounding form; follow-up fields folded; files of possible duplicates open in a new tab.
   */
  embedded?: boolean;
  /** offered on a possible duplicate: take that file instead of creating a new one */
  onUseExisting?: (match: DuplicateMatch) => void;
  /** the first field takes the focus when the form appears */
  autoFocus?: boolean;
}

/**
 * Creates or edits a patient file (PAT-1, PAT-2). What is typed stays when the server refuses it; its
 * field messages appear under the fields; a possible duplicate is shown and can be confirmed.
 */
export function PatientForm({
  initial,
  onSaved,
  onCancel,
  embedded = false,
  onUseExisting,
  autoFocus = false,
}: PatientFormProps) {
  const { t } = useI18n();
  const id = initial?.id;
  const [draft, setDraft] = useState<PatientDraft>(() => draftFrom(initial));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [duplicates, setDuplicates] = useState<DuplicateMatch[] | null>(null);
  const container = useRef<HTMLFormElement & HTMLFieldSetElement>(null);

  const update = (changes: Partial<PatientDraft>) => {
    setDraft((current) => ({ ...current, ...changes }));
    // the warning was about the names and birth date it was given
    if ('lastName' in changes || 'firstName' in changes || 'birthDate' in changes) setDuplicates(null);
  };
  const issueFor = (path: string) => (error instanceof ApiError ? error.issueFor(path) : undefined);

  useEffect(() => {
    if (autoFocus) container.current?.querySelector('input')?.focus();
  }, [autoFocus]);

  // after a refusal, the first field at fault takes the focus
  useEffect(() => {
    if (error instanceof ApiError && error.issues.length > 0) {
      container.current?.querySelector<HTMLElement>('[aria-invalid="true"], .field--invalid button')?.focus();
    }
  }, [error]);

  const save = async (confirmDuplicate: boolean) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const body = bodyOf(draft, confirmDuplicate);
      const saved = id
        ? await api.put<PatientDetail>(`/api/console/patients/${id}`, body)
        : await api.post<PatientDetail>('/api/console/patients', body);
      setDuplicates(null);
      onSaved(saved);
    } catch (caught) {
      const matches = duplicateMatches(caught);
      setDuplicates(matches);
      if (!matches) setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save(false);
  };
  // Embedded, there is no form to submit: Enter in a text field saves, as it would in a form.
  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    if (event.key !== 'Enter' || event.defaultPrevented || target.tagName !== 'INPUT') return;
    if ((target as HTMLInputElement).type === 'checkbox') return;
    event.preventDefault();
    void save(false);
  };

  const dependant = hasResponsable(draft);
  const sections = (
    <>
      <ErrorAlert error={error} withFields />
      <fieldset className="form-section">
        <legend>{t('patients.section.identity')}</legend>
        <IdentityFields draft={draft} update={update} issueFor={issueFor} />
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('patients.section.responsables')}</legend>
        <p className="field__hint">{t('patients.responsable.hint')}</p>
        {relationRoles.map((role) => (
          <ResponsableField
            key={role}
            label={t(`patients.role.${role}`)}
            who={t(`patients.roleIn.${role}`)}
            value={draft.responsables[role]}
            onChange={(value) => update({ responsables: { ...draft.responsables, [role]: value } })}
            error={issueFor(`responsables.${role}Id`)}
          />
        ))}
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('patients.section.contact')}</legend>
        <ContactFields draft={draft} update={update} issueFor={issueFor} optional={dependant} />
      </fieldset>
      {embedded ? (
        <details className="form-section form-section--more">
          <summary>{t('patients.section.careMore')}</summary>
          <CareFields draft={draft} update={update} issueFor={issueFor} />
        </details>
      ) : (
        <fieldset className="form-section">
          <legend>{t('patients.section.care')}</legend>
          <CareFields draft={draft} update={update} issueFor={issueFor} />
        </fieldset>
      )}
      {duplicates ? (
        <DuplicateWarning
          matches={duplicates}
          editing={!!id}
          busy={busy}
          embedded={embedded}
          onConfirm={() => void save(true)}
          onUseExisting={onUseExisting}
        />
      ) : null}
      <div className="form-actions">
        <Button
          type={embedded ? 'button' : 'submit'}
          busy={busy}
          onClick={embedded ? () => void save(false) : undefined}
        >
          {id ? t('patients.form.save') : t('patients.form.create')}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            {t('patients.form.cancel')}
          </Button>
        ) : null}
      </div>
    </>
  );

  return embedded ? (
    <fieldset ref={container} className="patient-form patient-form--embedded" onKeyDown={onKeyDown}>
      <legend className="visually-hidden">{t('patients.form.label')}</legend>
      {sections}
    </fieldset>
  ) : (
    <form ref={container} className="patient-form" onSubmit={onSubmit} noValidate>
      {sections}
    </form>
  );
}
