import { type ReactNode, useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { StaffMe } from '../../contracts/staff-auth';
import { Button } from '../shared/ui/button';
import { LanguageSwitch } from '../shared/ui/language-switch';
import { decidesChangeRequests } from './change-requests/change-requests-page';
import { usePendingCount } from './change-requests/use-pending-count';
import { useI18n } from './i18n';
import type { ConsoleKey } from './i18n/fr';
import { useMessagesBadge } from './messages/use-messages-badge';
import { useSession } from './session';

interface NavItem {
  href: string;
  label: ConsoleKey;
  /** roles that see the entry; all when absent */
  roles?: StaffMe['role'][];
}

export const navItems: NavItem[] = [
  { href: '/', label: 'nav.home' },
  { href: '/agenda', label: 'nav.agenda' },
  { href: '/patients', label: 'nav.patients' },
  { href: '/change-requests', label: 'nav.reviews' },
  { href: '/app-users', label: 'nav.appUsers' },
  { href: '/waitlist', label: 'waitlist.title' },
  { href: '/messages', label: 'nav.messages' },
  { href: '/documents', label: 'nav.documents' },
  { href: '/stats', label: 'nav.stats', roles: ['admin'] },
  { href: '/staff', label: 'nav.staff', roles: ['admin'] },
  { href: '/settings', label: 'nav.settings', roles: ['admin', 'practitioner'] },
  { href: '/outbox', label: 'nav.outbox', roles: ['admin'] },
];

/** The console's frame: header with the practice and the person, navigation, and the page. */
export function Frame({ me, children }: { me: StaffMe; children: ReactNode }) {
  const { t, lang, setLang } = useI18n();
  const { state, lock, signOut } = useSession();
  const locked = state.kind === 'signed-in' && state.locked;
  // the badge is a call to act: only for those who decide, and not while the session is locked
  const pending = usePendingCount(decidesChangeRequests(me.role) && !locked);
  const unreadMessages = useMessagesBadge(!locked);
  const [location] = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const items = navItems.filter((item) => !item.roles || item.roles.includes(me.role));
  const isCurrent = (href: string) => (href === '/' ? location === '/' : location.startsWith(href));

  return (
    <div className="console">
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <header className="console__header">
        <button
          type="button"
          className="console__menu-button"
          aria-expanded={menuOpen}
          aria-controls="console-nav"
          onClick={() => setMenuOpen((open) => !open)}
        >
          {t('nav.menu')}
        </button>
        <p className="console__practice">{me.practice.name}</p>
        <div className="console__user">
          <span className="console__who">
            {me.firstName} {me.lastName} · {t(`role.${me.role}`)}
          </span>
          <LanguageSwitch
            lang={lang}
            setLang={setLang}
            label={t('common.language')}
            names={{ fr: t('common.lang.fr'), en: t('common.lang.en') }}
          />
          <Link href="/account" className="console__account-link">
            {t('account.nav')}
          </Link>
          <Button variant="secondary" onClick={() => void lock()}>
            {t('lock.now')}
          </Button>
          <Button variant="secondary" onClick={() => void signOut()}>
            {t('common.signOut')}
          </Button>
        </div>
      </header>
      <div className="console__body">
        <nav
          id="console-nav"
          aria-label={t('nav.label')}
          className={`console__nav${menuOpen ? ' is-open' : ''}`}
        >
          <ul>
            {items.map((item) => (
              <li key={item.href}>
                <Link
                  href={item.href}
                  aria-current={isCurrent(item.href) ? 'page' : undefined}
                  onClick={() => setMenuOpen(false)}
                >
                  {t(item.label)}
                  {item.href === '/change-requests' && pending ? (
                    <>
                      <span className="nav-badge" aria-hidden="true">
                        {pending}
                      </span>
                      <span className="visually-hidden"> {t('nav.reviewsPending', { count: pending })}</span>
                    </>
                  ) : null}
                  {item.href === '/messages' && unreadMessages ? (
                    <>
                      <span className="nav-badge" aria-hidden="true">
                        {unreadMessages}
                      </span>
                      <span className="visually-hidden">
                        {' '}
                        {t('messages.unreadBadge', { count: unreadMessages })}
                      </span>
                    </>
                  ) : null}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" className="console__main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}
