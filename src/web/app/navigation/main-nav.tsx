import { useEffect, useId, useRef, useState, type FocusEvent } from 'react';
import { Link, NavLink } from 'react-router';
import { t } from '#web/i18n/index.ts';
import { cx, HeartMark } from '#web/ui/index.ts';
import { useMe } from '#web/core/session.ts';
import { ThemeSwitch } from '#web/app/theme/theme-switch.tsx';
import { NAVIGATION, type NavEntry, type NavGroup, type Viewer } from './nav-groups';
import styles from './navigation.module.css';

/** Whose menu to show; null while we do not know yet who is signed in. */
function useViewer(): Viewer | null {
  const me = useMe();
  if (me.isPending) return null;
  if (!me.data) return 'visitor';
  return me.data.therapist ? 'therapist' : 'partner';
}

/**
 * On a phone: a labelled "Menu" button that opens the whole navigation as a list below the bar.
 * Escape closes it and puts focus back on the button; so does choosing a page, a click outside,
 * or tabbing out of it.
 */
export function MenuDisclosure() {
  const viewer = useViewer();
  const [open, setOpen] = useState(false);
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointerDown = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, [open]);

  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (event.relatedTarget && !event.currentTarget.contains(event.relatedTarget)) setOpen(false);
  };

  return (
    <div ref={wrapper} className={styles.menu} onBlur={onBlur}>
      <button
        ref={button}
        type="button"
        className={styles.menuButton}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((isOpen) => !isOpen)}
      >
        {t('layout.nav.menu')}
        <svg className={styles.chevron} viewBox="0 0 12 12" aria-hidden="true" focusable="false">
          <path d="M2.5 4.5 6 8l3.5-3.5" />
        </svg>
      </button>
      <nav
        id={panelId}
        aria-label={t('layout.nav.label')}
        className={styles.menuPanel}
        hidden={!open}
      >
        <Link to="/" className={styles.panelHome} onClick={() => setOpen(false)}>
          <HeartMark />
          {t('app.name')}
        </Link>
        {viewer && <NavGroups viewer={viewer} onPick={() => setOpen(false)} />}
        <ThemeSwitch />
      </nav>
    </div>
  );
}

/** On a wider screen: the same groups, always shown beside the page. */
export function SideNav() {
  const viewer = useViewer();
  return (
    <nav aria-label={t('layout.nav.label')} className={styles.side} data-print-hide="">
      {viewer && <NavGroups viewer={viewer} />}
      <ThemeSwitch />
    </nav>
  );
}

function NavGroups({ viewer, onPick }: { viewer: Viewer; onPick?: () => void }) {
  const groups = NAVIGATION[viewer];
  const paths = groups.flatMap((group) => group.entries.map((entry) => entry.to));
  return (
    <div className={styles.groups}>
      {groups.map((group) => (
        <Group key={group.label} group={group} paths={paths} onPick={onPick} />
      ))}
    </div>
  );
}

function Group({
  group,
  paths,
  onPick,
}: {
  group: NavGroup;
  paths: string[];
  onPick?: () => void;
}) {
  const labelId = useId();
  return (
    <div className={styles.group}>
      <p id={labelId} className={styles.groupLabel}>
        {t(group.label)}
      </p>
      <ul aria-labelledby={labelId} className={styles.links}>
        {group.entries.map((entry) => (
          <li key={entry.to}>
            <EntryLink entry={entry} paths={paths} onPick={onPick} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function EntryLink({
  entry,
  paths,
  onPick,
}: {
  entry: NavEntry;
  paths: string[];
  onPick?: () => void;
}) {
  // "Couples" is not the current page on "My notes" (/practice/notes), but "Guide" is on a lesson.
  const end = paths.some((other) => other.startsWith(`${entry.to}/`));
  return (
    <NavLink
      to={entry.to}
      end={end}
      onClick={onPick}
      className={({ isActive }) => cx(styles.link, isActive && styles.active)}
    >
      {t(entry.label)}
    </NavLink>
  );
}
