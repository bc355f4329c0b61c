import { useEffect } from 'react';
import { Route, Router, Switch } from 'wouter';
import type { StaffMe } from '../../contracts/staff-auth';
import { Button } from '../shared/ui/button';
import { AccountPage } from './account/account-page';
import { AgendaPage } from './agenda/agenda-page';
import { AppUsersPage } from './app-users/app-users-page';
import { ChangeRequestsPage } from './change-requests/change-requests-page';
import { DocumentsPage } from './documents/documents-page';
import { Frame } from './frame';
import { useI18n } from './i18n';
import { LockScreen } from './lock-screen';
import { MessagesPage } from './messages/messages-page';
import { ComingSoonPage } from './pages/coming-soon-page';
import { HomePage } from './pages/home-page';
import { InvitationPage } from './pages/invitation-page';
import { OutboxPage } from './pages/outbox-page';
import { ResetPage } from './pages/reset-page';
import { SetupPage } from './pages/setup-page';
import { StaffPage } from './pages/staff-page';
import { PatientPage } from './patients/patient-page';
import { PatientsPage } from './patients/patients-page';
import { useSession } from './session';
import { SettingsPage } from './settings/settings-page';
import { SignInPage } from './sign-in-page';
import { useInactivityLock } from './use-inactivity-lock';
import { WaitlistPage } from './waitlist/waitlist-page';

export function ConsoleApp() {
  return (
    <Router base="/console">
      <Switch>
        <Route path="/invitation" component={InvitationPage} />
        <Route path="/setup" component={SetupPage} />
        <Route path="/reset" component={ResetPage} />
        <Route>
          <SessionGate />
        </Route>
      </Switch>
    </Router>
  );
}

function SessionGate() {
  const { t } = useI18n();
  const { state, refresh } = useSession();
  useEffect(() => {
    document.title = `${t('console.title')} · ${t('common.appName')}`;
  }, [t]);
  if (state.kind === 'loading') return <p className="loading">{t('common.loading')}</p>;
  if (state.kind === 'failed') {
    return (
      <main className="centered-page">
        <div className="card">
          <p>{t('common.networkError')}</p>
          <Button onClick={() => void refresh()}>{t('common.retry')}</Button>
        </div>
      </main>
    );
  }
  if (state.kind === 'signed-out') return <SignInPage />;
  if (state.me.mfa.enrolmentRequired) return <MfaEnrolmentGate me={state.me} />;
  return <SignedIn me={state.me} locked={state.locked} />;
}

/** The practice requires two-step sign-in and this member has none yet: enrolment comes first. */
function MfaEnrolmentGate({ me }: { me: StaffMe }) {
  const { t } = useI18n();
  const { signOut } = useSession();
  return (
    <main className="centered-page">
      <div className="card">
        <AccountPage me={me} />
        <Button variant="link" onClick={() => void signOut()}>
          {t('common.signOut')}
        </Button>
      </div>
    </main>
  );
}

function SignedIn({ me, locked }: { me: StaffMe; locked: boolean }) {
  const { lock } = useSession();
  useInactivityLock(me.practice.autoLockSeconds, !locked, lock);
  const isAdmin = me.role === 'admin';
  return (
    <>
      <div inert={locked} aria-hidden={locked || undefined}>
        <Frame me={me}>
          <Switch>
            <Route path="/">
              <HomePage me={me} />
            </Route>
            <Route path="/agenda">
              <AgendaPage me={me} />
            </Route>
            <Route path="/patients">
              <PatientsPage me={me} />
            </Route>
            <Route path="/patients/:patientId">
              {(params) => <PatientPage me={me} patientId={params.patientId} />}
            </Route>
            <Route path="/change-requests">
              <ChangeRequestsPage me={me} />
            </Route>
            <Route path="/app-users">
              <AppUsersPage me={me} />
            </Route>
            <Route path="/waitlist">
              <WaitlistPage me={me} />
            </Route>
            <Route path="/messages" nest>
              <MessagesPage me={me} />
            </Route>
            <Route path="/documents">
              <DocumentsPage me={me} />
            </Route>
            <Route path="/account">
              <AccountPage me={me} />
            </Route>
            {isAdmin ? <Route path="/outbox" component={OutboxPage} /> : null}
            {isAdmin ? <Route path="/staff" component={StaffPage} /> : null}
            {me.role !== 'secretary' ? (
              <Route path="/settings" nest>
                <SettingsPage me={me} />
              </Route>
            ) : null}
            {isAdmin ? (
              <Route path="/stats">
                <ComingSoonPage area="nav.stats" />
              </Route>
            ) : null}
            <Route>
              <HomePage me={me} />
            </Route>
          </Switch>
        </Frame>
      </div>
      {locked ? <LockScreen me={me} /> : null}
    </>
  );
}
