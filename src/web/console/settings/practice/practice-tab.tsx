import type { PracticeSettings } from '../../../../contracts/settings';
import { api } from '../../../shared/api';
import { Button } from '../../../shared/ui/button';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { fieldErrors } from '../common/field-errors';
import { Flash } from '../common/flash';
import { FormAlert } from '../common/form-alert';
import { ResourceState } from '../common/resource-state';
import { useSettingsForm } from '../common/use-settings-form';
import { OpeningHoursEditor } from './opening-hours-editor';
import { PracticeBookingFields } from './practice-booking-fields';
import { PracticeDetailsFields } from './practice-details-fields';
import {
  type Country,
  isPracticePathShown,
  type PracticeForm,
  practiceBodyOf,
  practiceFormOf,
} from './practice-form';
import { PracticeRulesFields } from './practice-rules-fields';

const path = '/api/console/settings/practice';
const save = (form: PracticeForm) => api.patch<PracticeSettings>(path, practiceBodyOf(form));

/** Settings › Practice (admin): details shown to patients, hours and practice-wide rules (SET-1, SET-7). */
export function PracticeTab() {
  const { t } = useI18n();
  const { refresh } = useSession();
  const {
    saved: settings,
    form,
    setForm,
    busy,
    error,
    flash,
    submit,
  } = useSettingsForm(path, {
    formOf: practiceFormOf,
    save,
    savedMessage: t('settings.practice.saved'),
    // the header shows the practice's name, and the lock delay applies at once
    afterSave: () => void refresh(),
  });

  if (!form) {
    return (
      <section aria-labelledby="settings-practice-title">
        <h2 id="settings-practice-title">{t('settings.practice.title')}</h2>
        <ResourceState error={settings.error} onRetry={() => void settings.reload()} />
      </section>
    );
  }

  const set =
    <K extends keyof PracticeForm>(key: K) =>
    (value: PracticeForm[K]) =>
      setForm((current) => (current ? { ...current, [key]: value } : current));
  // a Swiss practice is most often on Zurich time, a French one on Paris time
  const setCountry = (country: Country) =>
    setForm((current) =>
      current
        ? { ...current, country, timeZone: country === 'CH' ? 'Europe/Zurich' : 'Europe/Paris' }
        : current,
    );
  const errorFor = fieldErrors(error);

  return (
    <section aria-labelledby="settings-practice-title">
      <h2 id="settings-practice-title">{t('settings.practice.title')}</h2>
      <p className="muted">{t('settings.practice.intro')}</p>
      <form onSubmit={submit} noValidate className="settings-form settings-practice">
        <PracticeDetailsFields form={form} set={set} errorFor={errorFor} onCountry={setCountry} />
        <fieldset className="settings-fieldset">
          <legend>{t('settings.practice.hours')}</legend>
          <p className="field__hint">{t('settings.practice.hoursHint')}</p>
          <OpeningHoursEditor value={form.openingHours} onChange={set('openingHours')} errorFor={errorFor} />
        </fieldset>
        <PracticeRulesFields form={form} set={set} errorFor={errorFor} />
        <PracticeBookingFields form={form} set={set} errorFor={errorFor} />
        <div className="settings-savebar">
          <FormAlert error={error} isShown={isPracticePathShown} />
          <Flash message={flash} />
          <Button type="submit" busy={busy}>
            {t('settings.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
