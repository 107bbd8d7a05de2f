import styles from './heart-mark.module.css';

/** The small heart beside the name. Decorative: the name next to it says it all. */
export function HeartMark({ className }: { className?: string }) {
  return (
    <svg className={className} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <path
        className={styles.heart}
        d="M16 27.5C10 23.2 4.5 18.4 4.5 12.2 4.5 8.6 7.2 6 10.5 6c2.3 0 4.3 1.3 5.5 3.2C17.2 7.3 19.2 6 21.5 6c3.3 0 6 2.6 6 6.2 0 6.2-5.5 11-11.5 15.3z"
      />
      <path className={styles.glint} d="M9 12.5c0-1.7 1.1-3 2.7-3.2" />
    </svg>
  );
}
