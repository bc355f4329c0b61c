import { CheckboxField } from '../../../shared/ui/checkbox-field';
import { TextField } from '../../../shared/ui/field';
import { SelectField } from '../../../shared/ui/select-field';
import { TextAreaField } from '../../../shared/ui/textarea-field';
import { useI18n } from '../../i18n';
import type { MotifFieldsProps } from './motif-fields';
import type { DelayUnit, PatientRestriction } from './motif-form';

const restrictions: PatientRestriction[] = ['all', 'new_only', 'existing_only'];
const units: DelayUnit[] = ['minutes', 'hours'];

/** Who may book a motif, how early and how late, what they are told, and whether they are notified. */
export function MotifBookingFields({ form, set, errorFor }: MotifFieldsProps) {
  const { t } = useI18n();
  return (
    <>
      <fieldset className="settings-fieldset">
        <legend>{t('settings.motifs.booking')}</legend>
        <CheckboxField
          label={t('settings.motifs.onlineBookable')}
          hint={t('settings.motifs.onlineBookableHint')}
          checked={form.onlineBookable}
          onChange={set('onlineBookable')}
        />
        <div className="form-grid">
          <div className="settings-pair">
            <TextField
              label={t('settings.motifs.minDelay')}
              hint={t('settings.motifs.minDelayHint')}
              type="number"
              inputMode="numeric"
              min={0}
              value={form.minDelay}
              onChange={set('minDelay')}
              error={errorFor('minBookingDelayMinutes')}
            />
            <SelectField
              label={t('settings.motifs.minDelayUnit')}
              value={form.minDelayUnit}
              onChange={(value) =>
                set('minDelayUnit')(units.find((unit) => unit === value) ?? form.minDelayUnit)
              }
            >
              {units.map((unit) => (
                <option key={unit} value={unit}>
                  {t(`settings.unit.${unit}`)}
                </option>
              ))}
            </SelectField>
          </div>
          <TextField
            label={t('settings.motifs.maxDelay')}
            hint={t('settings.motifs.maxDelayHint')}
            type="number"
            inputMode="numeric"
            min={1}
            max={730}
            value={form.maxBookingDelayDays}
            onChange={set('maxBookingDelayDays')}
            error={errorFor('maxBookingDelayDays')}
          />
          <SelectField
            label={t('settings.motifs.restriction')}
            value={form.patientRestriction}
            onChange={(value) =>
              set('patientRestriction')(
                restrictions.find((item) => item === value) ?? form.patientRestriction,
              )
            }
            error={errorFor('patientRestriction')}
          >
            {restrictions.map((restriction) => (
              <option key={restriction} value={restriction}>
                {t(`settings.motifs.restriction.${restriction}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <CheckboxField
          label={t('settings.motifs.followUpOnly')}
          hint={t('settings.motifs.followUpOnlyHint')}
          checked={form.followUpOnly}
          onChange={set('followUpOnly')}
        />
        <CheckboxField
          label={t('settings.motifs.bookableBySecretary')}
          checked={form.bookableBySecretary}
          onChange={set('bookableBySecretary')}
        />
        <CheckboxField
          label={t('settings.motifs.notifications')}
          hint={t('settings.motifs.notificationsHint')}
          checked={form.notificationsEnabled}
          onChange={set('notificationsEnabled')}
        />
      </fieldset>
      <fieldset className="settings-fieldset">
        <legend>{t('settings.motifs.instructions')}</legend>
        <TextAreaField
          label={t('settings.motifs.instructionsBefore')}
          hint={t('settings.motifs.instructionsBeforeHint')}
          value={form.instructionsBefore}
          onChange={set('instructionsBefore')}
          error={errorFor('instructionsBefore')}
          maxLength={4000}
        />
        <TextAreaField
          label={t('settings.motifs.instructionsAfter')}
          hint={t('settings.motifs.instructionsAfterHint')}
          value={form.instructionsAfter}
          onChange={set('instructionsAfter')}
          error={errorFor('instructionsAfter')}
          maxLength={4000}
        />
      </fieldset>
    </>
  );
}
