import type { DocumentSettings } from '../../../../contracts/documents';
import { api } from '../../../shared/api';
import { Button } from '../../../shared/ui/button';
import { CheckboxField } from '../../../shared/ui/checkbox-field';
import { documentTypeList } from '../../documents/document-types';
import { VisibilityFields } from '../../documents/visibility-fields';
import { useI18n } from '../../i18n';
import { Flash } from '../common/flash';
import { FormAlert } from '../common/form-alert';
import { ResourceState } from '../common/resource-state';
import { useSettingsForm } from '../common/use-settings-form';
import '../../documents/documents.css';

const path = '/api/console/settings/documents';
// every issue of a refusal is listed above the button
const noFieldShown = () => false;
const asSaved = (settings: DocumentSettings) => settings;
const save = (settings: DocumentSettings) => api.put<DocumentSettings>(path, settings);

/**
 * Settings › Documents (admin, DOC-2): who sees each type of document by default (a document can
 * override it), "share only signed documents" which overrides the rest, and keeping letters to other
 * professionals in the practice.
 */
export function DocumentSettingsTab() {
  const { t } = useI18n();
  const { saved, form, setForm, busy, error, flash, setFlash, submit } = useSettingsForm(path, {
    formOf: asSaved,
    save,
    savedMessage: t('docSettings.saved'),
  });

  if (!form) {
    return (
      <section aria-labelledby="settings-documents-title">
        <h2 id="settings-documents-title">{t('docSettings.title')}</h2>
        <ResourceState error={saved.error} onRetry={() => void saved.reload()} />
      </section>
    );
  }

  const change = (next: DocumentSettings) => {
    setFlash(null);
    setForm(next);
  };

  return (
    <section aria-labelledby="settings-documents-title">
      <h2 id="settings-documents-title">{t('docSettings.title')}</h2>
      <p className="muted">{t('docSettings.intro')}</p>
      <form onSubmit={submit} noValidate className="settings-form doc-settings">
        <h3>{t('docSettings.practiceRules')}</h3>
        <CheckboxField
          label={t('docSettings.shareOnlySigned')}
          hint={t('docSettings.shareOnlySignedHint')}
          checked={form.shareOnlySigned}
          onChange={(checked) => change({ ...form, shareOnlySigned: checked })}
        />
        <CheckboxField
          label={t('docSettings.excludeLetters')}
          hint={t('docSettings.excludeLettersHint')}
          checked={form.excludeLettersToProfessionals}
          onChange={(checked) => change({ ...form, excludeLettersToProfessionals: checked })}
        />
        <h3>{t('docSettings.types')}</h3>
        <p className="muted">{t('docSettings.typesIntro')}</p>
        <div className="doc-settings__types">
          {documentTypeList.map((type) => (
            <VisibilityFields
              key={type}
              legend={t(`documents.type.${type}`)}
              value={form.types[type]}
              onChange={(visibility) => change({ ...form, types: { ...form.types, [type]: visibility } })}
            />
          ))}
        </div>
        <p className="field__hint">{t('docSettings.correspondentsHint')}</p>
        <div className="settings-savebar">
          <FormAlert error={error} isShown={noFieldShown} />
          <Flash message={flash} />
          <Button type="submit" busy={busy}>
            {t('settings.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
