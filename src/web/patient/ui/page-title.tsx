import { type RefObject, useEffect, useRef } from 'react';
import { Link } from 'wouter';
import { useI18n } from '../i18n';

/**
 * Whether a new screen takes the focus: not the screen the page was loaded on (the browser's own focus
 * stays), but every screen after a navigation, a sign-in or a sign-out. Decided on the address rather
 * than on a count of effects, so React's development double effects change nothing.
 */
let loadedAt: string | null = null;
let interacted = false;

const here = () => `${window.location.pathname}${window.location.search}`;

/** The next screen takes the focus even if it is at the address the page was loaded on. */
export function focusNextScreen(): void {
  interacted = true;
}

/**
 * Moves the focus to a screen's heading when it replaces another one, and scrolls up, so that screen
 * readers announce the new screen.
 */
export function useScreenFocus(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    loadedAt ??= here();
    if (here() !== loadedAt) interacted = true;
    if (!interacted) return;
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
