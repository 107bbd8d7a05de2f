import { useEffect, useId, type ReactNode } from 'react';
import { cx } from './class-names';
import styles from './page.module.css';
import { setPageTitle } from './tab-appearance';

/**
 * Sets the tab's title: "Sign in · Healing Hearts", just the name on the front page, or "Notes"
 * for someone who chose a neutral tab.
 */
export function usePageTitle(page: string | null): void {
  useEffect(() => {
    setPageTitle(page);
  }, [page]);
}

export interface PageProps {
  /** For the tab's title; `null` on the front page. */
  title: string | null;
  heading: ReactNode;
  lead?: ReactNode;
  width?: 'narrow' | 'wide';
  children?: ReactNode;
}

/**
 * One page: its title, its single `h1`, and its content. The heading can take focus so that after
 * moving to a new page, a screen reader starts reading from it.
 */
export function Page({ title, heading, lead, width = 'wide', children }: PageProps) {
  usePageTitle(title);
  return (
    <div className={cx(styles.page, width === 'narrow' && styles.narrow)}>
      <h1 tabIndex={-1} data-page-heading="">
        {heading}
      </h1>
      {lead && <p className={styles.lead}>{lead}</p>}
      {children}
    </div>
  );
}

export interface PanelProps {
  heading: ReactNode;
  children: ReactNode;
  quiet?: boolean;
  id?: string;
}

/** A titled section of a page, on a soft card. */
export function Panel({ heading, children, quiet = false, id }: PanelProps) {
  const headingId = useId();
  return (
    <section
      id={id}
      className={cx(styles.panel, quiet && styles.panelQuiet)}
      aria-labelledby={headingId}
    >
      <h2 id={headingId}>{heading}</h2>
      {children}
    </section>
  );
}
