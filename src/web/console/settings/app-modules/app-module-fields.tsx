import type { AppModule, AppModules } from '../../../../contracts/patient-app';
import { CheckboxField } from '../../../shared/ui/checkbox-field';
import { useI18n } from '../../i18n';
import type { ConsoleKey } from '../../i18n/fr';

/** A module's own options, besides being on or off. */
export type ModuleOption = 'onlinePayment' | 'onlyDueInstalments' | 'minors';
export type ModuleFlag = 'enabled' | ModuleOption;

interface ModuleRow {
  module: AppModule;
  options: readonly ModuleOption[];
}

/** The seed's order and options (contracts import types only, so Zod stays out of the bundle). */
const rows: readonly ModuleRow[] = [
  { module: 'appointments', options: [] },
  { module: 'messaging', options: [] },
  { module: 'imaging', options: [] },
  { module: 'payments', options: ['onlinePayment', 'onlyDueInstalments', 'minors'] },
  { module: 'documents', options: ['minors'] },
  { module: 'questionnaires', options: ['minors'] },
];

const optionHints: Partial<Record<ModuleOption, ConsoleKey>> = {
  onlinePayment: 'appModules.onlinePaymentHint',
  minors: 'appModules.minorsHint',
};

/** One flag of one module; a flag the module does not have reads as off. */
export function flagOf(modules: AppModules, module: AppModule, flag: ModuleFlag): boolean {
  const group: Partial<Record<ModuleFlag, boolean>> = modules[module];
  return group[flag] ?? false;
}

interface AppModuleFieldsProps {
  modules: AppModules;
  onChange: (module: AppModule, flag: ModuleFlag, value: boolean) => void;
}

/**
 * A card per module: its switch, what it gives patients, and its options in a group of their own that
 * is disabled (and says why) while the module is off.
 */
export function AppModuleFields({ modules, onChange }: AppModuleFieldsProps) {
  const { t } = useI18n();
  return (
    <div className="app-modules__list">
      {rows.map(({ module, options }) => {
        const name = t(`appModules.${module}`);
        const enabled = flagOf(modules, module, 'enabled');
        return (
          <div key={module} className="settings-fieldset app-module">
            <CheckboxField
              label={name}
              hint={t(`appModules.${module}Hint`)}
              checked={enabled}
              onChange={(value) => onChange(module, 'enabled', value)}
            />
            {options.length > 0 ? (
              <fieldset className="app-module__options" disabled={!enabled}>
                <legend>{t('appModules.optionsOf', { module: name })}</legend>
                {enabled ? null : (
                  <p className="field__hint">{t('appModules.optionsOff', { module: name })}</p>
                )}
                {options.map((option) => {
                  const hint = optionHints[option];
                  return (
                    <CheckboxField
                      key={option}
                      label={t(`appModules.${option}`)}
                      hint={hint ? t(hint) : undefined}
                      checked={flagOf(modules, module, option)}
                      disabled={!enabled}
                      onChange={(value) => onChange(module, option, value)}
                    />
                  );
                })}
              </fieldset>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
