import { useEffect } from 'react';
import { t } from '#web/i18n/index.ts';
import styles from './quick-exit.module.css';
import { onPageShow, quickExit } from './quick-exit';
import { createTripleShiftDetector } from './triple-shift';

/**
 * Listens for Shift pressed three times, anywhere on the page, for as long as it is mounted; and
 * guards this page against coming back from the back/forward cache after the session ended (a
 * quick exit signs out). The layout mounts this once, on every page.
 */
export function useTripleShiftExit(): void {
  useEffect(() => {
    const detector = createTripleShiftDetector();
    const onKeyDown = (event: KeyboardEvent) => {
      if (detector.press(event)) quickExit();
    };
    const onShow = (event: PageTransitionEvent) => void onPageShow(event);
    // Capture phase, so a component that stops propagation cannot swallow the presses.
    window.addEventListener('keydown', onKeyDown, { capture: true });
    window.addEventListener('pageshow', onShow);
    return () => {
      window.removeEventListener('keydown', onKeyDown, { capture: true });
      window.removeEventListener('pageshow', onShow);
    };
  }, []);
}

export function QuickExitButton() {
  return (
    <button type="button" className={styles.button} onClick={quickExit}>
      <svg className={styles.icon} viewBox="0 0 20 20" aria-hidden="true" focusable="false">
        <path d="M8 4H4.5A1.5 1.5 0 0 0 3 5.5v9A1.5 1.5 0 0 0 4.5 16H8" />
        <path d="M12 6l4 4-4 4M16 10H7.5" />
      </svg>
      {t('quickExit.button')}
    </button>
  );
}
