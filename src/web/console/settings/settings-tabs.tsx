import { Link, useLocation } from 'wouter';
import { useI18n } from '../i18n';
import type { ConsoleKey } from '../i18n/fr';

export interface SettingsTab {
  href: string;
  label: ConsoleKey;
}

/** The settings' sections as links (each has its address), marked like tabs for the current one. */
export function SettingsTabs({ tabs }: { tabs: SettingsTab[] }) {
  const { t } = useI18n();
  const [location] = useLocation();
  return (
    <nav aria-label={t('settings.sections')} className="settings-tabs">
      <ul>
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link href={tab.href} aria-current={location === tab.href ? 'page' : undefined}>
              {t(tab.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
