import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import styles from './notice.module.css';

interface Announcement {
  text: string;
  at: number;
}

interface AnnouncerValue {
  announcement: Announcement | null;
  announce: (text: string) => void;
  /** Drops a message that belongs to an earlier page; one made a moment ago survives. */
  clearStale: () => void;
}

/** A message set this close before a page change still belongs to the new page. */
const CARRY_OVER_MS = 1_500;

const AnnouncerContext = createContext<AnnouncerValue | null>(null);

export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);

  const announce = useCallback((text: string) => {
    setAnnouncement({ text, at: Date.now() });
  }, []);

  const clearStale = useCallback(() => {
    setAnnouncement((current) =>
      current && Date.now() - current.at > CARRY_OVER_MS ? null : current,
    );
  }, []);

  const value = useMemo(
    () => ({ announcement, announce, clearStale }),
    [announcement, announce, clearStale],
  );
  return <AnnouncerContext.Provider value={value}>{children}</AnnouncerContext.Provider>;
}

function useAnnouncer(): AnnouncerValue {
  const value = useContext(AnnouncerContext);
  if (!value) throw new Error('useAnnounce needs an AnnouncerProvider above it.');
  return value;
}

/** Shows a short confirmation ("Link copied.") on screen and reads it out politely. */
export function useAnnounce(): (text: string) => void {
  return useAnnouncer().announce;
}

export function useClearStaleAnnouncement(): () => void {
  return useAnnouncer().clearStale;
}

/**
 * The one place confirmations appear. The live region is always in the page, so screen readers
 * notice when text arrives in it.
 */
export function AnnouncementRegion() {
  const { announcement } = useAnnouncer();
  return (
    <div role="status" aria-live="polite">
      {announcement && (
        <p key={announcement.at} className={styles.notice}>
          {announcement.text}
        </p>
      )}
    </div>
  );
}
