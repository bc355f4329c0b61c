import { TextField } from '../../shared/ui/field';
import { useI18n } from '../i18n';
import { RadioGroup } from '../ui/radio-group';
import type { NewPatientFields as Fields } from './flow-types';

/** What a new patient's file needs besides the identity (seed 002 §4): email, postal address, channel. */
export function NewPatientFields({
  fields,
  onChange,
  errorOf,
  country,
}: {
  fields: Fields;
  onChange: (fields: Fields) => void;
  errorOf: (path: string) => string | undefined;
  country: 'FR' | 'CH';
}) {
  const { t } = useI18n();
  const set = (field: Exclude<keyof Fields, 'notificationChannel'>) => (value: string) =>
    onChange({ ...fields, [field]: value });
  return (
    <fieldset className="plain-fieldset">
      <legend className="fieldset-title">{t('newPatient.title')}</legend>
      <p className="muted small">{t('newPatient.intro')}</p>
      <TextField
        label={t('newPatient.email')}
        type="email"
        inputMode="email"
        autoComplete="email"
        value={fields.email}
        onChange={set('email')}
        error={errorOf('newPatient.email')}
        required
        requiredLabel={t('form.requiredMark')}
      />
      <TextField
        label={t('newPatient.address')}
        hint={t('newPatient.addressHint')}
        autoComplete="street-address"
        value={fields.addressLine}
        onChange={set('addressLine')}
        error={errorOf('newPatient.addressLine')}
        required
        requiredLabel={t('form.requiredMark')}
      />
      <div className="field-row">
        <TextField
          label={t('newPatient.postalCode')}
          inputMode="numeric"
          autoComplete="postal-code"
          maxLength={country === 'CH' ? 4 : 5}
          value={fields.postalCode}
          onChange={set('postalCode')}
          error={errorOf('newPatient.postalCode')}
          required
          requiredLabel={t('form.requiredMark')}
        />
        <TextField
          label={t('newPatient.city')}
          autoComplete="address-level2"
          value={fields.city}
          onChange={set('city')}
          error={errorOf('newPatient.city')}
          required
          requiredLabel={t('form.requiredMark')}
        />
      </div>
      <RadioGroup
        legend={t('newPatient.channel')}
        name="channel"
        value={fields.notificationChannel}
        onChange={(notificationChannel) => onChange({ ...fields, notificationChannel })}
        options={[
          { value: 'both', label: t('newPatient.channelBoth') },
          { value: 'sms', label: t('newPatient.channelSms') },
          { value: 'email', label: t('newPatient.channelEmail') },
        ]}
      />
    </fieldset>
  );
}
