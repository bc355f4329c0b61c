import { TextField } from '../../../shared/ui/field';
import { SelectField } from '../../../shared/ui/select-field';
import { useI18n } from '../../i18n';
import type { PracticeFieldsProps } from './practice-fields';
import { type Country, cantons, timeZones } from './practice-form';

/** Name, contact, address, country (with the canton in Switzerland) and time zone. */
export function PracticeDetailsFields({
  form,
  set,
  errorFor,
  onCountry,
}: PracticeFieldsProps & {
  onCountry: (country: Country) => void;
}) {
  const { t } = useI18n();
  const zones: string[] = [...timeZones];
  if (!zones.includes(form.timeZone)) zones.push(form.timeZone);
  return (
    <fieldset className="settings-fieldset">
      <legend>{t('settings.practice.details')}</legend>
      <TextField
        label={t('settings.practice.name')}
        hint={t('settings.practice.nameHint')}
        value={form.name}
        onChange={set('name')}
        error={errorFor('name')}
        maxLength={120}
        required
        requiredLabel={t('common.required')}
      />
      <div className="form-grid">
        <TextField
          label={t('settings.phone')}
          hint={t('settings.practice.phoneHint')}
          type="tel"
          autoComplete="tel"
          value={form.phone}
          onChange={set('phone')}
          error={errorFor('phone')}
        />
        <TextField
          label={t('settings.email')}
          type="email"
          autoComplete="email"
          value={form.email}
          onChange={set('email')}
          error={errorFor('email')}
        />
      </div>
      <TextField
        label={t('settings.address')}
        autoComplete="street-address"
        value={form.addressLine}
        onChange={set('addressLine')}
        error={errorFor('addressLine')}
      />
      <div className="form-grid">
        <TextField
          label={t('settings.postalCode')}
          autoComplete="postal-code"
          value={form.postalCode}
          onChange={set('postalCode')}
          error={errorFor('postalCode')}
        />
        <TextField
          label={t('settings.city')}
          value={form.city}
          onChange={set('city')}
          error={errorFor('city')}
        />
        <SelectField
          label={t('settings.practice.country')}
          value={form.country}
          onChange={(value) => onCountry(value === 'CH' ? 'CH' : 'FR')}
          error={errorFor('country')}
        >
          <option value="FR">{t('settings.country.FR')}</option>
          <option value="CH">{t('settings.country.CH')}</option>
        </SelectField>
        {form.country === 'CH' ? (
          <SelectField
            label={t('settings.practice.canton')}
            hint={t('settings.practice.cantonHint')}
            value={form.region}
            onChange={set('region')}
            error={errorFor('region')}
          >
            <option value="">{t('settings.practice.chooseCanton')}</option>
            {cantons.map((canton) => (
              <option key={canton} value={canton}>
                {t(`settings.canton.${canton}`)}
              </option>
            ))}
          </SelectField>
        ) : null}
        <SelectField
          label={t('settings.practice.timeZone')}
          value={form.timeZone}
          onChange={set('timeZone')}
          error={errorFor('timeZone')}
        >
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone === 'Europe/Paris'
                ? t('settings.zone.paris')
                : zone === 'Europe/Zurich'
                  ? t('settings.zone.zurich')
                  : zone}
            </option>
          ))}
        </SelectField>
      </div>
    </fieldset>
  );
}
