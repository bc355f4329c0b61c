import { type RefObject, useEffect, useRef } from 'react';
import { Link } from 'wouter';
import { useI18n } from '../i18n';

/** False until the first screen is shown: the page as loaded keeps the browser's own focus. */
let moveFocus = false;

/** The next screen takes the focus even if it is the first one shown (after signing in). */
export function focusNextScreen(): void {
  moveFocus = true;
}

/**
 * Moves the focus to a screen's heading when it replaces another one (a navigation, a sign-in, a
 * sign-out), and scrolls up, so that screen readers announce the new screen.
 */
export function useScreenFocus(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    if (!moveFocus) {
      moveFocus = true;
      return;
    }
    window.scrollTo(0, 0);
    ref.current?.focus();
  }, [ref]);
}

/** A screen's title, which also names the document; secondary screens get a link home above it. */
export function PageTitle({ children, home = true }: { children: string; home?: boolean }) {
  const { t } = useI18n();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${children} · ${t('app.title')}`;
  }, [children, t]);
  useScreenFocus(ref);
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
