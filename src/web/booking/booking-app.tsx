import { lazy, Suspense } from 'react';
import { LanguageSwitch } from '../shared/ui/language-switch';
import { useI18n } from './i18n';
import { BookingPage } from './practice/booking-page';
import { PracticeListPage } from './practice/practice-list-page';
import { routeOf, usePlace } from './routing';
import { FrameProvider, useFrame } from './ui/page-frame';

// The booking page is in the first bundle; links opened from a message load their own code.
const ManagePage = lazy(() =>
  import('./manage/manage-page').then((module) => ({ default: module.ManagePage })),
);
const OfferPage = lazy(() => import('./offer/offer-page').then((module) => ({ default: module.OfferPage })));
const SecureDocumentPage = lazy(() =>
  import('./secure/secure-document-page').then((module) => ({ default: module.SecureDocumentPage })),
);

/** The public booking area (`/rdv/…`): never any patient data without a code or a personal link. */
export function BookingApp() {
  return (
    <FrameProvider>
      <Shell />
    </FrameProvider>
  );
}

function Shell() {
  const { t, lang, setLang } = useI18n();
  const { brand } = useFrame();
  const route = routeOf(usePlace().pathname);
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
          {route.kind === 'list' ? <PracticeListPage /> : null}
          {route.kind === 'practice' ? <BookingPage key={route.slug} slug={route.slug} /> : null}
          {route.kind === 'manage' ? <ManagePage key={route.token} token={route.token} /> : null}
          {route.kind === 'offer' ? <OfferPage key={route.token} token={route.token} /> : null}
          {route.kind === 'document' ? <SecureDocumentPage key={route.token} token={route.token} /> : null}
        </Suspense>
      </main>
    </div>
  );
}
