import { t } from '../../i18n';
import { Button, buttonRowClass, formatDateTime, Notice } from '../../ui';
import styles from './impact-letter.module.css';
import type { useDraft } from './use-draft';

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
  'status' | 'dirty' | 'savedAt' | 'error' | 'conflict' | 'keepMine' | 'takeSaved'
>;

/**
 * Where the draft stands: "Saved at 14:05", "Saving…", not saved yet, or a choice after a
 * conflict. Not a live region: autosave would talk too much. A Save press is announced instead.
 */
export function SaveState({ draft }: { draft: Draft }) {
  if (draft.status === 'conflict' && draft.conflict) {
    return (
      <Notice tone="problem" role="alert">
        <p>{t('impact-letter.conflict.body')}</p>
        <div className={buttonRowClass}>
          <Button variant="secondary" onClick={draft.keepMine}>
            {t('impact-letter.conflict.keepMine')}
          </Button>
          <Button variant="quiet" onClick={draft.takeSaved}>
            {t('impact-letter.conflict.takeSaved')}
          </Button>
        </div>
      </Notice>
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
