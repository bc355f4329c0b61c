import type { AppModule, AppModules } from '../../../../contracts/patient-app';
import { api } from '../../../shared/api';
import { Button } from '../../../shared/ui/button';
import { useI18n } from '../../i18n';
import { Flash } from '../common/flash';
import { FormAlert } from '../common/form-alert';
import { ResourceState } from '../common/resource-state';
import { useSettingsForm } from '../common/use-settings-form';
import { AppModuleFields, type ModuleFlag } from './app-module-fields';
import './app-modules.css';

const path = '/api/console/settings/modules';
// the form shows no field-level errors: every issue of a refusal is listed above the button
const noFieldShown = () => false;
const asSaved = (modules: AppModules) => modules;
const save = (modules: AppModules) => api.put<AppModules>(path, modules);

/**
 * Settings › Patient app (admin): the seed's "Options" tab (SET-8). Each module of the patient app is
 * switched on or off; a module's own options are kept but greyed out while it is off. The server
 * enforces the switches (a module off answers 403 to patients).
 */
export function AppModulesTab() {
  const { t } = useI18n();
  const { saved, form, setForm, busy, error, flash, setFlash, submit } = useSettingsForm(path, {
    formOf: asSaved,
    save,
    savedMessage: t('appModules.saved'),
  });

  if (!form) {
    return (
      <section aria-labelledby="settings-app-title">
        <h2 id="settings-app-title">{t('appModules.title')}</h2>
        <ResourceState error={saved.error} onRetry={() => void saved.reload()} />
      </section>
    );
  }

  const setFlag = (module: AppModule, flag: ModuleFlag, value: boolean) => {
    setFlash(null);
    setForm((current) => (current ? withFlag(current, module, flag, value) : current));
  };

  return (
    <section aria-labelledby="settings-app-title">
      <h2 id="settings-app-title">{t('appModules.title')}</h2>
      <p className="muted">{t('appModules.intro')}</p>
      <form onSubmit={submit} noValidate className="settings-form app-modules">
        <AppModuleFields modules={form} onChange={setFlag} />
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

/** The switches with one flag of one module changed. */
function withFlag(modules: AppModules, module: AppModule, flag: ModuleFlag, value: boolean): AppModules {
  switch (module) {
    case 'payments':
      return { ...modules, payments: { ...modules.payments, [flag]: value } };
    case 'documents':
    case 'questionnaires':
      return flag === 'enabled' || flag === 'minors'
        ? { ...modules, [module]: { ...modules[module], [flag]: value } }
        : modules;
    default:
      return flag === 'enabled' ? { ...modules, [module]: { enabled: value } } : modules;
  }
}
