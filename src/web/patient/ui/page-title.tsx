import { useEffect, useRef } from 'react';
import { Link } from 'wouter';
import { useI18n } from '../i18n';

/** The first page shown keeps the browser's own focus; every later page moves it to its title. */
let firstPage = true;

/**
 * A screen's title: sets the document title and, after a navigation, scrolls up and moves the focus to
 * the heading so that screen readers announce the new screen. Secondary screens get a link home above.
 */
export function PageTitle({ children, home = true }: { children: string; home?: boolean }) {
  const { t } = useI18n();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${children} · ${t('app.title')}`;
  }, [children, t]);
  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    window.scrollTo(0, 0);
    ref.current?.focus();
  }, []);
  return (
    <>
      {home ? (
        <Link href="/" className="back-link">
          <span aria-hidden="true">← </span>
          {t('nav.home')}
        </Link>
      ) : null}
      <h1 ref={ref} tabIndex={-1} className="page-title">
        {children}
      </h1>
    </>
  );
}
