import { formatDateAsTyped } from '../../shared/dates';
import { TextField } from '../../shared/ui/field';
import { useI18n } from '../i18n';
import type { PatientDraft } from './patient-draft';

interface FieldsProps {
  draft: PatientDraft;
  update: (changes: Partial<PatientDraft>) => void;
  issueFor: (path: string) => string | undefined;
}

// Another person's data: the browser must not offer the secretary's own name, phone or address.
const noAutofill = { autoComplete: 'off' } as const;

/** Last name, first name and birth date: what identifies a patient and detects duplicates (seed 002 §4). */
export function IdentityFields({ draft, update, issueFor }: FieldsProps) {
  const { t } = useI18n();
  const required = { required: true, requiredLabel: t('common.required') };
  return (
    <div className="form-grid">
      <TextField
        label={t('patients.field.lastName')}
        value={draft.lastName}
        onChange={(lastName) => update({ lastName })}
        error={issueFor('lastName')}
        maxLength={80}
        {...required}
        {...noAutofill}
      />
      <TextField
        label={t('patients.field.firstName')}
        value={draft.firstName}
        onChange={(firstName) => update({ firstName })}
        error={issueFor('firstName')}
        maxLength={80}
        {...required}
        {...noAutofill}
      />
      <TextField
        label={t('patients.field.birthDate')}
        hint={t('patients.field.birthDateHint')}
        value={draft.birthDate}
        onChange={(typed) => update({ birthDate: formatDateAsTyped(typed) })}
        error={issueFor('birthDate')}
        inputMode="numeric"
        maxLength={10}
        {...required}
        {...noAutofill}
      />
    </div>
  );
}

/**
 * Mobile, email and postal address: required for a patient who answers for themselves, optional for a
 * dependant reached through a responsable (the server applies the same rule).
 */
export function ContactFields({ draft, update, issueFor, optional }: FieldsProps & { optional: boolean }) {
  const { t } = useI18n();
  const required = optional ? {} : { required: true, requiredLabel: t('common.required') };
  return (
    <>
      {optional ? <p className="field__hint">{t('patients.contact.optional')}</p> : null}
      <div className="form-grid">
        <TextField
          label={t('patients.field.mobilePhone')}
          hint={t('patients.field.mobilePhoneHint')}
          type="tel"
          inputMode="tel"
          value={draft.mobilePhone}
          onChange={(mobilePhone) => update({ mobilePhone })}
          error={issueFor('mobilePhone')}
          maxLength={30}
          {...required}
          {...noAutofill}
        />
        <TextField
          label={t('patients.field.email')}
          type="email"
          value={draft.email}
          onChange={(email) => update({ email })}
          error={issueFor('email')}
          maxLength={254}
          spellCheck={false}
          {...required}
          {...noAutofill}
        />
      </div>
      <TextField
        label={t('patients.field.addressLine')}
        hint={t('patients.field.addressLineHint')}
        value={draft.addressLine}
        onChange={(addressLine) => update({ addressLine })}
        error={issueFor('addressLine')}
        maxLength={200}
        {...required}
        {...noAutofill}
      />
      <div className="form-grid form-grid--address">
        <TextField
          label={t('patients.field.postalCode')}
          inputMode="numeric"
          value={draft.postalCode}
          onChange={(postalCode) => update({ postalCode })}
          error={issueFor('postalCode')}
          maxLength={10}
          {...required}
          {...noAutofill}
        />
        <TextField
          label={t('patients.field.city')}
          value={draft.city}
          onChange={(city) => update({ city })}
          error={issueFor('city')}
          maxLength={100}
          {...required}
          {...noAutofill}
        />
      </div>
    </>
  );
}
