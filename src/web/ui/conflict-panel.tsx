import { useEffect, useId, useRef } from 'react';
import { t } from '#web/i18n/index.ts';
// From the index, like the pages: the design system stays one chunk in the build.
import { Button, buttonRowClass, useAnnounce } from '.';
import styles from './conflict-panel.module.css';

/** One part of a saved thing (a field of a form): my words and the saved ones. */
export interface ConflictPart {
  key: string;
  label: string;
  mine: string;
  saved: string;
}

/**
 * The parts of a thing written in named sections (a co-authored plan, agreement or story): each
 * section's words in the form beside the saved ones, in the sections' order.
 */
export function sectionParts<S extends string>(
  sections: readonly S[],
  label: (section: S) => string,
  mine: Record<S, string>,
  saved: Record<S, string>,
): ConflictPart[] {
  return sections.map((section) => ({
    key: section,
    label: label(section),
    mine: mine[section],
    saved: saved[section],
  }));
}

export interface ConflictPanelProps {
  /** Who saved the newer version, when it was someone else; otherwise "somewhere else". */
  savedBy?: string | null | undefined;
  /** The feature's own heading and words, when it has more to say than the common ones. */
  heading?: string | undefined;
  body?: string | undefined;
  parts: ConflictPart[];
  /** Puts the saved words of one part into the form (a merge, part by part). */
  onUseSaved?: ((key: string) => void) | undefined;
  /** Saves my words (as they are in the form now) over the newer version. */
  onKeepMine?: (() => void) | undefined;
  /** Takes the whole saved version into the form. */
  onTakeSaved?: (() => void) | undefined;
  pending?: boolean | undefined;
}

function Words({ text }: { text: string }) {
  return text.trim() === '' ? (
    <p className={styles.empty}>{t('forms.conflict.empty')}</p>
  ) : (
    <p className={styles.text}>{text}</p>
  );
}

/**
 * What a person sees when their save met a newer version (a 412): for every part that differs,
 * their words and the saved ones side by side. Nothing is lost: their words stay in the form
 * until they choose to keep them, take the saved ones (all, or part by part), or change theirs
 * to bring the two together and save again. It takes focus when it appears, so a screen reader
 * hears it at once.
 */
export function ConflictPanel({
  savedBy,
  heading,
  body,
  parts,
  onUseSaved,
  onKeepMine,
  onTakeSaved,
  pending = false,
}: ConflictPanelProps) {
  const ref = useRef<HTMLElement>(null);
  const headingId = useId();
  const announce = useAnnounce();
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const differing = parts.filter((part) => part.mine !== part.saved);
  const single = parts.length === 1;

  return (
    <section ref={ref} tabIndex={-1} className={styles.panel} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.heading}>
        {heading ??
          (savedBy
            ? t('forms.conflict.headingBy', { name: savedBy })
            : t('forms.conflict.heading'))}
      </h3>
      <p>{body ?? t('forms.conflict.body')}</p>
      {differing.map((part) => (
        <div key={part.key} className={styles.part}>
          {!single && <p className={styles.partLabel}>{part.label}</p>}
          <div className={styles.sides}>
            <div className={styles.side}>
              <p className={styles.sideLabel}>{t('forms.conflict.mine')}</p>
              <Words text={part.mine} />
            </div>
            <div className={styles.side}>
              <p className={styles.sideLabel}>{t('forms.conflict.saved')}</p>
              <Words text={part.saved} />
              {onUseSaved && (
                <Button
                  variant="secondary"
                  onClick={() => {
                    onUseSaved(part.key);
                    announce(t('forms.conflict.usedSaved', { part: part.label }));
                  }}
                >
                  {t('forms.conflict.useSaved')}
                  <span className="visually-hidden">
                    {' '}
                    {t('forms.conflict.useSavedFor', { part: part.label })}
                  </span>
                </Button>
              )}
            </div>
          </div>
        </div>
      ))}
      {(onKeepMine || onTakeSaved) && (
        <div className={`${buttonRowClass} ${styles.actions}`}>
          {onKeepMine && (
            <Button variant="secondary" pending={pending} onClick={onKeepMine}>
              {t('forms.conflict.keepMine')}
            </Button>
          )}
          {onTakeSaved && (
            <Button variant="quiet" onClick={onTakeSaved}>
              {t('forms.conflict.takeSaved')}
            </Button>
          )}
        </div>
      )}
    </section>
  );
}
