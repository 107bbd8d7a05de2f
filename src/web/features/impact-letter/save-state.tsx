import { t } from '#web/i18n/index.ts';
import type { useDraft } from '#web/core/use-draft.ts';
import { formatDateTime } from '#web/ui/index.ts';
import { ConflictPanel } from '#web/ui/conflict-panel.tsx';
import styles from './impact-letter.module.css';

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** "14:05" today; the date as well on another day. */
function savedWhen(iso: string): string {
  const date = new Date(iso);
  return date.toDateString() === new Date().toDateString()
    ? timeFormat.format(date)
    : formatDateTime(iso);
}

type Draft = Pick<
  ReturnType<typeof useDraft<Record<string, string>>>,
  | 'status'
  | 'dirty'
  | 'savedAt'
  | 'error'
  | 'conflict'
  | 'values'
  | 'keepMine'
  | 'takeSaved'
  | 'takeSavedPart'
>;

/**
 * Where the draft stands: "Saved at 14:05", "Saving…", not saved yet, or a choice after a
 * conflict. Not a live region: autosave would talk too much. A Save press is announced instead.
 */
export function SaveState({ draft, labels }: { draft: Draft; labels: Record<string, string> }) {
  const { conflict } = draft;
  if (draft.status === 'conflict' && conflict) {
    return (
      <ConflictPanel
        body={t('impact-letter.conflict.body')}
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
      <p className={styles.saveProblem} role="alert">
        {draft.error?.message ?? t('common.tryAgain')}
      </p>
    );
  }
  const text =
    draft.status === 'saving'
      ? t('impact-letter.saving')
      : draft.dirty
        ? t('impact-letter.saveState.unsaved')
        : t('impact-letter.saveState.saved', { time: savedWhen(draft.savedAt) });
  return (
    <p className={styles.saveState}>
      {text} <span className={styles.quietInline}>{t('impact-letter.saveState.auto')}</span>
    </p>
  );
}
