import { t } from '#web/i18n/index.ts';
import type { useDraft } from '#web/core/use-draft.ts';
import { ConflictPanel } from './conflict-panel';
import styles from './draft-save-state.module.css';

type Draft = Pick<
  ReturnType<typeof useDraft<Record<string, string>>>,
  'status' | 'dirty' | 'error' | 'conflict' | 'values' | 'keepMine' | 'takeSaved' | 'takeSavedPart'
>;

export interface DraftSaveStateProps {
  draft: Draft;
  /** Each part's label, for the conflict panel. */
  labels: Record<string, string>;
  /** The feature's words for where the draft stands now ("Saved at 14:05", "Not saved yet"). */
  state: string;
  /** The feature's words above both versions after a 412. */
  conflictBody: string;
}

/**
 * Where a versioned draft (`useDraft`) stands: the feature's line, a problem, or — after a save
 * met a newer version — both versions side by side in the conflict panel, so nothing is lost.
 * Not a live region: autosave would talk too much; a Save press is announced by the page.
 */
export function DraftSaveState({ draft, labels, state, conflictBody }: DraftSaveStateProps) {
  const { conflict } = draft;
  if (draft.status === 'conflict' && conflict) {
    return (
      <ConflictPanel
        body={conflictBody}
        parts={Object.entries(labels).map(([key, label]) => ({
          key,
          label,
          mine: draft.values[key] ?? '',
          saved: conflict.values[key] ?? '',
        }))}
        onUseSaved={draft.takeSavedPart}
        onKeepMine={draft.keepMine}
        onTakeSaved={draft.takeSaved}
      />
    );
  }
  if (draft.status === 'failed') {
    return (
      <p className={styles.problem} role="alert">
        {draft.error?.message ?? t('common.tryAgain')}
      </p>
    );
  }
  return <p className={styles.state}>{state}</p>;
}
