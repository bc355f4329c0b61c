import { lazy, Suspense } from 'react';
import { Route, Router, Switch } from 'wouter';
import { LanguageSwitch } from '../shared/ui/language-switch';
import { useI18n } from './i18n';
import { BookingPage } from './practice/booking-page';
import { PracticeListPage } from './practice/practice-list-page';
import { FrameProvider, useFrame } from './ui/page-frame';

// The booking page is in the first bundle; links opened from a message load their own code.
const ManagePage = lazy(() =>
  import('./manage/manage-page').then((module) => ({ default: module.ManagePage })),
);
const OfferPage = lazy(() => import('./offer/offer-page').then((module) => ({ default: module.OfferPage })));
const SecureDocumentPage = lazy(() =>
  import('./secure/secure-document-page').then((module) => ({ default: module.SecureDocumentPage })),
);

/**
 * The public booking area (`/rdv/…`): never any patient data without a code or a personal link. Routed by
 * wouter like the other areas: the path says which page (practice list, booking page, manage, offer and
 * secure document links — the addresses the server's SMS and emails carry); the booking page's choices
 * and steps are in its query and `history.state` (see use-choices.ts).
 */
export function BookingApp() {
  return (
    <Router base="/rdv">
      <FrameProvider>
        <Shell />
      </FrameProvider>
    </Router>
  );
}

function Shell() {
  const { t, lang, setLang } = useI18n();
  const { brand } = useFrame();
  return (
    <div className="booking">
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <header className="booking__header">
        <p className="booking__brand">{brand ?? t('common.appName')}</p>
        <LanguageSwitch
          lang={lang}
          setLang={setLang}
          label={t('common.language')}
          names={{ fr: t('common.lang.fr'), en: t('common.lang.en') }}
        />
      </header>
      <main className="booking__main" id="main" tabIndex={-1}>
        <Suspense fallback={<p className="loading">{t('common.loading')}</p>}>
          <Switch>
            <Route path="/gerer/:token/*?">{({ token }) => <ManagePage key={token} token={token} />}</Route>
            <Route path="/offre/:token/*?">{({ token }) => <OfferPage key={token} token={token} />}</Route>
            <Route path="/document/:token/*?">
              {({ token }) => <SecureDocumentPage key={token} token={token} />}
            </Route>
            <Route path="/:slug/*?">{({ slug }) => <BookingPage key={slug} slug={slug} />}</Route>
            <Route>
              <PracticeListPage />
            </Route>
          </Switch>
        </Suspense>
      </main>
    </div>
  );
}
