import { useId, type ReactNode } from 'react';
import { t } from '#web/i18n/index.ts';
import styles from './measures.module.css';

export interface SupportPanelProps {
  /**
   * Support lines for the person's region: the app shell composes the safety feature's list in
   * here. Without it, a line says where to find the right number.
   */
  resources?: ReactNode;
}

/**
 * Shown after a check-in when an answer reached a question's alert level. It offers help and
 * blocks nothing: the answers are already saved, and every part of the app stays open.
 */
export function SupportPanel({ resources }: SupportPanelProps) {
  const headingId = useId();
  return (
    <section className={styles.support} aria-labelledby={headingId}>
      <h3 id={headingId}>{t('measures.support.heading')}</h3>
      <p>{t('measures.support.intro')}</p>
      <ul className={styles.supportList}>
        <li>{t('measures.support.danger')}</li>
        <li>{t('measures.support.talk')}</li>
      </ul>
      {resources ?? <p>{t('measures.support.regions')}</p>}
      <p className={styles.quiet}>{t('measures.support.exit')}</p>
    </section>
  );
}
