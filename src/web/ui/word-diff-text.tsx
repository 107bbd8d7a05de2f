import type { TWordDiffPart } from '#shared/schemas/co-authored.ts';
import { t } from '#web/i18n/index.ts';
import styles from './word-diff-text.module.css';

/**
 * One part of a word diff (`src/shared/word-diff.ts`) as reading text, for every co-authored
 * item's "compare two versions". Struck-through and underlined words also say "taken out" and
 * "put in" to a screen reader, which does not announce `del` and `ins` by itself.
 */
export function WordDiffText({ parts }: { parts: TWordDiffPart[] }) {
  if (parts.every((part) => part.op === 'same')) {
    return (
      <>
        {parts.length > 0 && <p className={styles.text}>{parts[0]!.text}</p>}
        <p className={styles.quiet}>{t('forms.diff.noChange')}</p>
      </>
    );
  }
  return (
    <p className={styles.text}>
      {parts.map((part, i) => {
        if (part.op === 'same') return <span key={i}>{part.text}</span>;
        const Tag = part.op === 'removed' ? 'del' : 'ins';
        return (
          <Tag key={i} className={part.op === 'removed' ? styles.removed : styles.added}>
            <span className={styles.visuallyHidden}>
              {t(part.op === 'removed' ? 'forms.diff.removed' : 'forms.diff.added')}{' '}
            </span>
            {part.text}
            <span className={styles.visuallyHidden}> ({t('forms.diff.endChange')})</span>
          </Tag>
        );
      })}
    </p>
  );
}
