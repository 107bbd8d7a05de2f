import { useEffect, useRef, type MouseEvent } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { DontFeelSafeButton } from '../features/safety/dont-feel-safe-button';
import { NeutralTab } from '../features/safety/neutral-tab';
import { t, type MessageKey } from '../i18n';
import { AnnouncementRegion, HeartMark, useClearStaleAnnouncement } from '../ui';
import { PageErrorBoundary } from './error-boundary';
import styles from './layout.module.css';
import { QuickExitButton, useTripleShiftExit } from './quick-exit/quick-exit-controls';
import { useMe } from './session';
import { SupportOffer } from './support-offer';

/** The frame of every page: skip link, header with quick exit, main landmark, footer. */
export function Layout() {
  useTripleShiftExit();
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  useFocusOnPageChange();

  const skipToMain = (event: MouseEvent<HTMLAnchorElement>) => {
    // Handled here so the fragment never lands in the address bar (or in /join's token).
    event.preventDefault();
    mainRef.current?.focus();
  };

  return (
    <div className={styles.shell}>
      <a className={styles.skipLink} href="#main" onClick={skipToMain} data-print-hide="">
        {t('layout.skipLink')}
      </a>
      <header className={styles.header} data-print-hide="">
        <div className={styles.headerInner}>
          <Link to="/" className={styles.brand}>
            <HeartMark className={styles.brandMark} />
            {t('app.name')}
          </Link>
          <div className={styles.headerActions}>
            <DontFeelSafeButtonForPartners />
            <QuickExitButton />
          </div>
        </div>
        <div className={styles.subbar}>
          <MainNav />
          <Link to="/quick-exit" className={styles.exitHelp}>
            {t('quickExit.helpLink')}
          </Link>
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className={styles.main}>
        <div data-print-hide="">
          <AnnouncementRegion />
          <SupportOffer />
        </div>
        <NeutralTab />
        <PageErrorBoundary key={pathname}>
          <Outlet />
        </PageErrorBoundary>
      </main>
      <footer className={styles.footer} data-print-hide="">
        <div className={styles.footerInner}>
          <p>{t('layout.footer.note')}</p>
          <nav aria-label={t('layout.footer.label')}>
            <ul className={styles.footerLinks}>
              <li>
                <Link to="/#data">{t('layout.footer.privacy')}</Link>
              </li>
              <li>
                <Link to="/quick-exit">{t('layout.footer.quickExit')}</Link>
              </li>
            </ul>
          </nav>
        </div>
      </footer>
    </div>
  );
}

/**
 * "I don't feel safe" pauses a space's shared exercises; a therapist's account has no space, so
 * it is left out for them (quick exit stays for everyone).
 */
function DontFeelSafeButtonForPartners() {
  const me = useMe();
  if (me.data?.therapist) return null;
  return <DontFeelSafeButton />;
}

const SIGNED_IN_LINKS = [
  { to: '/home', label: 'layout.nav.home' },
  { to: '/program', label: 'layout.nav.program' },
  { to: '/checkins', label: 'layout.nav.checkins' },
  { to: '/guide', label: 'layout.nav.guide' },
  { to: '/progress', label: 'layout.nav.progress' },
  { to: '/account', label: 'layout.nav.account' },
] as const satisfies readonly { to: string; label: MessageKey }[];

/** A therapist's account has no space: their own workspace instead of the couple's pages. */
const THERAPIST_LINKS = [
  { to: '/practice', label: 'layout.nav.practice' },
  { to: '/practice/notes', label: 'layout.nav.practiceNotes' },
  { to: '/account', label: 'layout.nav.account' },
] as const satisfies readonly { to: string; label: MessageKey }[];

const SIGNED_OUT_LINKS = [
  { to: '/guide', label: 'layout.nav.guide' },
  { to: '/signin', label: 'layout.nav.signIn' },
  { to: '/signup', label: 'layout.nav.signUp' },
] as const satisfies readonly { to: string; label: MessageKey }[];

function MainNav() {
  const me = useMe();
  if (me.isPending) return <div className={styles.nav} />;
  const linkClass = ({ isActive }: { isActive: boolean }) =>
    isActive ? `${styles.navLink} ${styles.navLinkActive}` : styles.navLink;
  return (
    <nav aria-label={t('layout.nav.label')} className={styles.nav}>
      <ul className={styles.navList}>
        {(me.data ? (me.data.therapist ? THERAPIST_LINKS : SIGNED_IN_LINKS) : SIGNED_OUT_LINKS).map(
          ({ to, label }) => (
            <li key={to}>
              <NavLink to={to} className={linkClass}>
                {t(label)}
              </NavLink>
            </li>
          ),
        )}
      </ul>
    </nav>
  );
}

/**
 * After moving to another page: start at the top, put focus on the new heading so a screen
 * reader announces where the person is, and let old confirmations go. The first page load is
 * left alone, as browsers already handle it.
 */
function useFocusOnPageChange(): void {
  const { pathname, hash } = useLocation();
  const clearStale = useClearStaleAnnouncement();
  const previous = useRef({ pathname, hash });

  useEffect(() => {
    const before = previous.current;
    if (before.pathname === pathname && before.hash === hash) return;
    previous.current = { pathname, hash };
    const target = hash ? document.getElementById(hash.slice(1)) : null;
    if (before.pathname === pathname) {
      // Only the fragment changed, as with a link to a section of this same page.
      target?.scrollIntoView();
      return;
    }
    clearStale();
    if (target) {
      target.scrollIntoView();
    } else {
      window.scrollTo(0, 0);
    }
    const heading = document.querySelector<HTMLElement>('[data-page-heading]');
    heading?.focus({ preventScroll: true });
  }, [pathname, hash, clearStale]);
}
