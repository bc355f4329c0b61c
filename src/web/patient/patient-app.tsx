import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { Link, Route, Router, Switch, useLocation } from 'wouter';
import type { PatientMe } from '../../contracts/patient-auth';
import { ApiError, api, onApiError } from '../shared/api';
import { Alert } from '../shared/ui/alert';
import { Button } from '../shared/ui/button';
import { LanguageSwitch } from '../shared/ui/language-switch';
import { useI18n } from './i18n';
import { HomePage, homePath } from './pages/home-page';
import { OfflineBanner } from './pwa/offline-banner';
import { forgetPerson, SessionProvider } from './session';
import { Loading } from './ui/load-failure';
import { focusNextScreen, PageTitle } from './ui/page-title';
import { primeLoad } from './use-load';

// The signed-in home is in the first bundle; every other screen, the sign-in included, loads its own code
// when opened (issue 9 §3.15: a returning patient's home downloads and runs no sign-in code).
const SignedOut = lazy(() => import('./signed-out').then((module) => ({ default: module.SignedOut })));
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

/** The app opened on its home (`/app`, `/app/`). */
const atHome = () => /^\/app\/?$/.test(window.location.pathname);

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
      // opening on the home: its figures are asked for with the session, not one round trip after it
      if (atHome()) primeLoad(homePath);
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
          <Suspense fallback={<Loading />}>
            <SignedOut expired={session.expired} onSignedIn={() => void refresh()} />
          </Suspense>
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
    // the most used screen after the home: fetched ahead while the home is read, once the browser is idle
    // (not while the home itself loads and runs: it would block the main thread then)
    const ahead = () => void loadAppointments();
    if (typeof window.requestIdleCallback === 'function') {
      const id = window.requestIdleCallback(ahead, { timeout: 5_000 });
      return () => window.cancelIdleCallback(id);
    }
    // Safari has no idle callback
    const timer = setTimeout(ahead, 2_000);
    return () => clearTimeout(timer);
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
