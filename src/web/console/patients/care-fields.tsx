import { CheckboxField } from '../../shared/ui/checkbox-field';
import { ErrorAlert } from '../../shared/ui/error-alert';
import { SelectField } from '../../shared/ui/select-field';
import { TextAreaField } from '../../shared/ui/textarea-field';
import { useI18n } from '../i18n';
import { practitionerName } from './format';
import type { NotificationChannel, PatientDraft } from './patient-draft';
import { usePractitioners } from './use-practitioners';

interface CareFieldsProps {
  draft: PatientDraft;
  update: (changes: Partial<PatientDraft>) => void;
  issueFor: (path: string) => string | undefined;
}

const channels: NotificationChannel[] = ['both', 'sms', 'email'];

/** Follow-up at the practice: own practitioner, referents, notifications, app sharing, notes. */
export function CareFields({ draft, update, issueFor }: CareFieldsProps) {
  const { t } = useI18n();
  const { practitioners, error } = usePractitioners();
  const toggleReferent = (id: string, on: boolean) =>
    update({
      referentIds: on ? [...draft.referentIds, id] : draft.referentIds.filter((referent) => referent !== id),
    });
  return (
    <>
      <ErrorAlert error={error} withFields />
      <SelectField
        label={t('patients.field.ownPractitioner')}
        hint={t('patients.field.ownPractitionerHint')}
        value={draft.ownPractitionerId}
        onChange={(ownPractitionerId) => update({ ownPractitionerId })}
        error={issueFor('ownPractitionerId')}
        disabled={!practitioners}
      >
        <option value="">{t('patients.field.noPractitioner')}</option>
        {(practitioners ?? []).map((practitioner) => (
          <option key={practitioner.id} value={practitioner.id}>
            {practitionerName(practitioner)}
          </option>
        ))}
      </SelectField>
      <fieldset className="check-group">
        <legend>{t('patients.field.referents')}</legend>
        <p className="field__hint">{t('patients.field.referentsHint')}</p>
        {(practitioners ?? []).map((practitioner) => (
          <CheckboxField
            key={practitioner.id}
            label={practitionerName(practitioner)}
            checked={draft.referentIds.includes(practitioner.id)}
            onChange={(on) => toggleReferent(practitioner.id, on)}
          />
        ))}
        {issueFor('referentIds') ? <p className="field__error">{issueFor('referentIds')}</p> : null}
      </fieldset>
      <SelectField
        label={t('patients.field.channel')}
        value={draft.notificationChannel}
        onChange={(value) => update({ notificationChannel: value as NotificationChannel })}
        error={issueFor('notificationChannel')}
      >
        {channels.map((channel) => (
          <option key={channel} value={channel}>
            {t(`patients.channel.${channel}`)}
          </option>
        ))}
      </SelectField>
      <CheckboxField
        label={t('patients.field.appOptOut')}
        hint={t('patients.field.appOptOutHint')}
        checked={draft.appOptOut}
        onChange={(appOptOut) => update({ appOptOut })}
        error={issueFor('appOptOut')}
      />
      <TextAreaField
        label={t('patients.field.notes')}
        hint={t('patients.field.notesHint')}
        value={draft.notes}
        onChange={(notes) => update({ notes })}
        error={issueFor('notes')}
        maxLength={4000}
      />
    </>
  );
}
