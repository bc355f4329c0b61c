import { useState } from 'react';
import { Redirect, Route, Switch } from 'wouter';
import type { StaffMe } from '../../../contracts/staff-auth';
import { useI18n } from '../i18n';
import { AbsencesTab } from './absences/absences-tab';
import { AppModulesTab } from './app-modules/app-modules-tab';
import type { AgendaChoice } from './common/agenda-owner';
import { DocumentSettingsTab } from './documents/document-settings-tab';
import { LocationsTab } from './locations/locations-tab';
import { TemplatesTab } from './message-templates/templates-tab';
import { MotifsTab } from './motifs/motifs-tab';
import { OpeningRangesTab } from './opening-ranges/opening-ranges-tab';
import { PracticeTab } from './practice/practice-tab';
import { type SettingsTab, SettingsTabs } from './settings-tabs';
import './settings.css';

const adminTabs: SettingsTab[] = [
  { href: '/', label: 'settings.tab.practice' },
  { href: '/locations', label: 'settings.tab.locations' },
  { href: '/motifs', label: 'settings.tab.motifs' },
  { href: '/opening-ranges', label: 'settings.tab.ranges' },
  { href: '/absences', label: 'settings.tab.absences' },
  { href: '/app', label: 'settings.tab.app' },
  { href: '/documents', label: 'settings.tab.documents' },
  { href: '/templates', label: 'settings.tab.templates' },
];
const practitionerTabs: SettingsTab[] = [
  { href: '/opening-ranges', label: 'settings.tab.ranges' },
  { href: '/absences', label: 'settings.tab.absences' },
];

/**
 * Console › Settings, nested at /console/settings. Admins see every section and every practitioner's
 * agenda, and the patient app's options; a practitioner sees only their own opening ranges and absences.
 */
export function SettingsPage({ me }: { me: StaffMe }) {
  const { t } = useI18n();
  const isAdmin = me.role === 'admin';
  const [chosenId, choose] = useState<string | null>(null);
  const choice: AgendaChoice = { chosenId, choose };
  return (
    <section className="settings">
      <h1>{t('settings.title')}</h1>
      <SettingsTabs tabs={isAdmin ? adminTabs : practitionerTabs} />
      <Switch>
        {isAdmin ? <Route path="/" component={PracticeTab} /> : null}
        {isAdmin ? <Route path="/locations" component={LocationsTab} /> : null}
        {isAdmin ? <Route path="/motifs" component={MotifsTab} /> : null}
        {isAdmin ? <Route path="/app" component={AppModulesTab} /> : null}
        {isAdmin ? <Route path="/documents" component={DocumentSettingsTab} /> : null}
        {isAdmin ? <Route path="/templates" component={TemplatesTab} /> : null}
        <Route path="/opening-ranges">
          <OpeningRangesTab me={me} choice={choice} />
        </Route>
        <Route path="/absences">
          <AbsencesTab me={me} choice={choice} />
        </Route>
        <Route>
          <Redirect to={isAdmin ? '/' : '/opening-ranges'} replace />
        </Route>
      </Switch>
    </section>
  );
}
