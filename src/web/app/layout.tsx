import { Suspense, useEffect, useRef, type MouseEvent } from 'react';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { DontFeelSafeButton } from '#web/features/safety/dont-feel-safe-button.tsx';
import { NeutralTab } from '#web/features/safety/neutral-tab.tsx';
import { RelockBoundary } from '#web/features/account/relock-boundary.tsx';
import { t } from '#web/i18n/index.ts';
import { AnnouncementRegion, HeartMark, useClearStaleAnnouncement } from '#web/ui/index.ts';
import { PageErrorBoundary } from './error-boundary';
import { lazyPart } from '#web/ui/lazy-page.tsx';
import styles from './layout.module.css';
import { MenuDisclosure, SideNav } from './navigation/main-nav';
import { NotYourPage } from './navigation/not-your-page';
import { audienceOf } from './navigation/page-audience';
import { QuickExitButton, useTripleShiftExit } from './quick-exit/quick-exit-controls';
import { useMe } from '#web/core/session.ts';
import { SupportOffer } from './support-offer';

/** The bell (and the live stream with it) loads after the first paint: only signed-in people have one. */
const NotificationBell = lazyPart(() =>
  import('#web/features/notifications/bell.tsx').then((m) => m.NotificationBell),
);

/** The lock screen after a pause brings its own code (and words) when first needed. */
const LockScreen = lazyPart(() =>
  import('#web/features/account/lock-screen.tsx').then((m) => m.LockScreen),
);

/**
 * The frame of every page: skip link, the safety bar (quick exit, "I don't feel safe" and, on a
 * phone, the menu), the side navigation on wider screens, the main landmark, the footer.
 */
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
      {/* The safety bar: stays at the top of the screen at every scroll position (decision 0024). */}
      <header className={styles.bar} data-print-hide="">
        <div className={styles.barInner}>
          <Link to="/" className={styles.brand}>
            <HeartMark className={styles.brandMark} />
            <span className={styles.brandName}>{t('app.name')}</span>
          </Link>
          <MenuDisclosure />
          <Suspense fallback={null}>
            <NotificationBell />
          </Suspense>
          <div
            className={styles.safetyActions}
            role="group"
            aria-label={t('layout.safetyBar.label')}
          >
            <DontFeelSafeButtonForPartners />
            <QuickExitButton />
          </div>
        </div>
      </header>
      <div className={styles.body}>
        <SideNav />
        <main id="main" ref={mainRef} tabIndex={-1} className={styles.main}>
          <div data-print-hide="">
            <AnnouncementRegion />
            <SupportOffer />
          </div>
          <NeutralTab />
          {/* After a pause (the person's setting) the page gives way to the lock screen. */}
          <RelockBoundary
            lockScreen={
              <Suspense fallback={null}>
                <LockScreen />
              </Suspense>
            }
          >
            <PageErrorBoundary key={pathname}>
              <PageForViewer />
            </PageErrorBoundary>
          </RelockBoundary>
        </main>
      </div>
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

/**
 * The page, unless it is meant for the other kind of account (page-audience.ts): then a plain
 * word that it is not for them. A therapist's home is their practice, so /home sends them there.
 */
function PageForViewer() {
  const me = useMe();
  const { pathname } = useLocation();
  if (!me.data) return <Outlet />;
  const audience = audienceOf(pathname);
  const isTherapist = me.data.therapist !== null;
  if (isTherapist && audience === 'partner') {
    return pathname === '/home' ? (
      <Navigate to="/practice" replace />
    ) : (
      <NotYourPage for="partners" />
    );
  }
  if (!isTherapist && audience === 'therapist') return <NotYourPage for="therapists" />;
  return <Outlet />;
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
