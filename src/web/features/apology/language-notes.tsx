import type { TLanguageFinding, TLanguageRule } from '#shared/schemas/apology.ts';
import { t } from '#web/i18n/index.ts';
import styles from './apology.module.css';

/**
 * The language check's suggestions for one part, under its box: the words as written, why they
 * can hurt, and what to try instead. A suggestion only: nothing here stops a save or a send.
 */
export function LanguageNotes({
  id,
  findings,
  rules,
}: {
  id: string;
  findings: readonly TLanguageFinding[];
  rules: readonly TLanguageRule[];
}) {
  if (findings.length === 0) return null;
  return (
    <div className={styles.languageNotes} id={id}>
      <p className={styles.languageHeading}>{t('apology.language.heading')}</p>
      <ul className={styles.plainList}>
        {findings.map((finding) => {
          const rule = rules.find((r) => r.id === finding.rule);
          if (!rule) return null;
          return (
            <li key={`${finding.rule}-${finding.start}`} className={styles.languageNote}>
              <p>
                <span className={styles.flagged}>“{finding.words}”</span> {rule.why}
              </p>
              <p>
                <strong>{t('apology.language.instead')}</strong> {rule.instead}
              </p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
