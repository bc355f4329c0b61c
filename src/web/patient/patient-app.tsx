import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { Link, Route, Router, Switch, useLocation } from 'wouter';
import type { PatientMe } from '../../contracts/patient-auth';
import { ApiError, api, onApiError } from '../shared/api';
import { Alert } from '../shared/ui/alert';
import { Button } from '../shared/ui/button';
import { LanguageSwitch } from '../shared/ui/language-switch';
import { useI18n } from './i18n';
import { HomePage } from './pages/home-page';
import { SignInPage } from './pages/sign-in-page';
import { OfflineBanner } from './pwa/offline-banner';
import { forgetPerson, SessionProvider } from './session';
import { Loading } from './ui/load-failure';
import { focusNextScreen, PageTitle } from './ui/page-title';
import { usePracticeChoice } from './use-practice-choice';

// The home and sign-in are in the first bundle; every other screen loads its own code when opened.
const loadAppointments = () => import('./pages/appointments-page');
const AppointmentsPage = lazy(() =>
  loadAppointments().then((module) => ({ default: module.AppointmentsPage })),
);
const FamilyPage = lazy(() =>
  import('./pages/family-page').then((module) => ({ default: module.FamilyPage })),
);
const InfoPage = lazy(() => import('./pages/info-page').then((module) => ({ default: module.InfoPage })));
const PracticePage = lazy(() =>
  import('./pages/practice-page').then((module) => ({ default: module.PracticePage })),
);
const RemindersPage = lazy(() =>
  import('./pages/reminders-page').then((module) => ({ default: module.RemindersPage })),
);
const DevicesPage = lazy(() =>
  import('./pages/devices-page').then((module) => ({ default: module.DevicesPage })),
);
const MessagesPage = lazy(() =>
  import('./pages/messages-page').then((module) => ({ default: module.MessagesPage })),
);
const ThreadPage = lazy(() =>
  import('./pages/thread-page').then((module) => ({ default: module.ThreadPage })),
);
const DocumentsPage = lazy(() =>
  import('./pages/documents-page').then((module) => ({ default: module.DocumentsPage })),
);
const SignDocumentPage = lazy(() =>
  import('./pages/sign-document-page').then((module) => ({ default: module.SignDocumentPage })),
);
const ComingSoonPage = lazy(() =>
  import('./pages/coming-soon-page').then((module) => ({ default: module.ComingSoonPage })),
);

type Session =
  | { kind: 'loading' }
  | { kind: 'signed-out'; expired: boolean }
  | { kind: 'failed' }
  /** the practice blocked the app for this person at their request (SEC-3): 403 APP_ACCESS_DISABLED */
  | { kind: 'blocked' }
  | { kind: 'signed-in'; me: PatientMe };

const isBlocked = (error: unknown) => error instanceof ApiError && error.code === 'APP_ACCESS_DISABLED';

/** The patient app at /app (issue 5): sign-in, then the screens of the signed-in phone. */
export function PatientApp() {
  return (
    <Router base="/app">
      <Shell />
    </Router>
  );
}

function Shell() {
  const { t, lang, setLang } = useI18n();
  const [session, setSession] = useState<Session>({ kind: 'loading' });
  const [, navigate] = useLocation();
  const signedIn = useRef(false);
  signedIn.current = session.kind === 'signed-in';

  const refresh = useCallback(async () => {
    try {
      const me = await api.get<PatientMe>('/api/patient/me');
      setSession({ kind: 'signed-in', me });
    } catch (error) {
      setSession(
        error instanceof ApiError && error.status === 401
          ? { kind: 'signed-out', expired: false }
          : isBlocked(error)
            ? { kind: 'blocked' }
            : { kind: 'failed' },
      );
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  useEffect(() => {
    document.title = t('app.title');
  }, [t]);

  // A 401 anywhere (session revoked from another device, expired): back to the sign-in, saying why.
  useEffect(
    () =>
      onApiError((error) => {
        if (!signedIn.current) return;
        if (error.status === 401) {
          focusNextScreen();
          setSession({ kind: 'signed-out', expired: true });
        } else if (isBlocked(error)) setSession({ kind: 'blocked' });
      }),
    [],
  );

  const signOut = useCallback(async () => {
    await api.post('/api/patient/sign-out').catch(() => undefined);
    forgetPerson();
    focusNextScreen();
    setSession({ kind: 'signed-out', expired: false });
    navigate('/', { replace: true });
  }, [navigate]);

  return (
    <div className="patient">
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <header className="patient__header">
        {session.kind === 'signed-in' ? (
          <Link href="/" className="patient__brand">
            {session.me.practice.name}
          </Link>
        ) : (
          <p className="patient__brand">{t('app.title')}</p>
        )}
        <LanguageSwitch
          lang={lang}
          setLang={setLang}
          label={t('common.language')}
          names={{ fr: t('common.lang.fr'), en: t('common.lang.en') }}
        />
      </header>
      <main className="patient__main" id="main" tabIndex={-1}>
        <OfflineBanner />
        {session.kind === 'loading' ? <Loading /> : null}
        {session.kind === 'failed' ? (
          <div className="card">
            <Alert tone="error">{t('common.networkError')}</Alert>
            <Button onClick={() => void refresh()}>{t('common.retry')}</Button>
          </div>
        ) : null}
        {session.kind === 'signed-out' ? (
          <SignedOut expired={session.expired} onSignedIn={() => void refresh()} />
        ) : null}
        {session.kind === 'blocked' ? <AccessDisabled onSignOut={signOut} /> : null}
        {session.kind === 'signed-in' ? (
          session.me.family.length > 0 ? (
            <SessionProvider me={session.me} refresh={refresh} signOut={signOut}>
              <Screens />
            </SessionProvider>
          ) : (
            <AccessDisabled onSignOut={signOut} />
          )
        ) : null}
      </main>
    </div>
  );
}

function Screens() {
  useEffect(() => {
    // the most used screen after the home: fetched ahead while the home is read
    void loadAppointments();
  }, []);
  return (
    <Suspense fallback={<Loading />}>
      <Switch>
        <Route path="/" component={HomePage} />
        <Route path="/rdv">
          <AppointmentsPage scope="upcoming" />
        </Route>
        <Route path="/rdv/historique">
          <AppointmentsPage scope="all" />
        </Route>
        <Route path="/famille" component={FamilyPage} />
        <Route path="/mes-infos" component={InfoPage} />
        <Route path="/cabinet" component={PracticePage} />
        <Route path="/rappels" component={RemindersPage} />
        <Route path="/appareils" component={DevicesPage} />
        <Route path="/messagerie" component={MessagesPage} />
        <Route path="/messagerie/:patientId">
          {(params) => <ThreadPage key={params.patientId} patientId={params.patientId} />}
        </Route>
        <Route path="/documents" component={DocumentsPage} />
        <Route path="/documents/:id/signer">
          {(params) => <SignDocumentPage key={params.id} documentId={params.id} />}
        </Route>
        <Route path="/bientot/:module">{(params) => <ComingSoonPage path={params.module} />}</Route>
        <Route component={NotFound} />
      </Switch>
    </Suspense>
  );
}

function NotFound() {
  const { t } = useI18n();
  return (
    <>
      <PageTitle>{t('notFound.title')}</PageTitle>
      <p>{t('notFound.body')}</p>
    </>
  );
}

/** The practice blocked the app for this person at their request (SEC-3); signing out still works. */
function AccessDisabled({ onSignOut }: { onSignOut: () => Promise<void> }) {
  const { t } = useI18n();
  return (
    <section className="card">
      <PageTitle home={false}>{t('blocked.title')}</PageTitle>
      <p>{t('blocked.body')}</p>
      <Button variant="secondary" className="button--block" onClick={() => void onSignOut()}>
        {t('common.signOut')}
      </Button>
    </section>
  );
}

function SignedOut({ expired, onSignedIn }: { expired: boolean; onSignedIn: () => void }) {
  const { t } = useI18n();
  const [choice, choose] = usePracticeChoice();
  if (choice.kind === 'loading') return <Loading />;
  if (choice.kind === 'failed') return <Alert tone="error">{t('common.networkError')}</Alert>;
  if (choice.kind === 'none') return <Alert tone="info">{t('practice.none')}</Alert>;
  if (choice.kind === 'choose') {
    return (
      <section className="card">
        <h1>{t('practice.choose')}</h1>
        <ul className="practice-list">
          {choice.practices.map((practice) => (
            <li key={practice.slug}>
              <Button variant="secondary" className="button--block" onClick={() => choose(practice.slug)}>
                {practice.name}
                {practice.city ? ` · ${practice.city}` : ''}
              </Button>
            </li>
          ))}
        </ul>
      </section>
    );
  }
  return (
    <section className="card">
      {expired ? <Alert tone="info">{t('signIn.expired')}</Alert> : null}
      <SignInPage
        practice={choice.slug}
        onSignedIn={() => {
          focusNextScreen();
          onSignedIn();
        }}
      />
    </section>
  );
}
