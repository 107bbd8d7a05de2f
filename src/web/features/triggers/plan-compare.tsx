import { useId, useState, type FormEvent } from 'react';
import type { TWordDiffPart } from '#shared/schemas/co-authored.ts';
import { PLAN_SECTIONS } from '#shared/schemas/triggers.ts';
import { t } from '#web/i18n/index.ts';
import { Button, LoadError, Loading } from '#web/ui/index.ts';
import { usePlanCompare } from './api';
import { SECTION_LABEL } from './plan-words';
import styles from './triggers.module.css';

/**
 * One part's word diff as reading text. Struck-through and underlined words also say "taken
 * out" and "put in" to a screen reader, which does not announce `del` and `ins` by itself.
 */
function DiffText({ parts }: { parts: TWordDiffPart[] }) {
  if (parts.every((part) => part.op === 'same')) {
    return (
      <>
        {parts.length > 0 && <p className={styles.preserve}>{parts[0]!.text}</p>}
        <p className={styles.quiet}>{t('triggers.plan.compare.noChange')}</p>
      </>
    );
  }
  return (
    <p className={styles.preserve}>
      {parts.map((part, i) => {
        if (part.op === 'same') return <span key={i}>{part.text}</span>;
        const Tag = part.op === 'removed' ? 'del' : 'ins';
        return (
          <Tag key={i} className={part.op === 'removed' ? styles.removed : styles.added}>
            <span className={styles.visuallyHidden}>
              {t(
                part.op === 'removed'
                  ? 'triggers.plan.compare.removed'
                  : 'triggers.plan.compare.added',
              )}{' '}
            </span>
            {part.text}
            <span className={styles.visuallyHidden}> ({t('triggers.plan.compare.endChange')})</span>
          </Tag>
        );
      })}
    </p>
  );
}

/**
 * Pick two versions of the plan and read, part by part, what changed between them. `versions`
 * are the version numbers loaded in the history, newest first (at least two).
 */
export function PlanCompare({ planId, versions }: { planId: string; versions: number[] }) {
  const id = useId();
  const [from, setFrom] = useState(versions[1] ?? versions[0]!);
  const [to, setTo] = useState(versions[0]!);
  const [pair, setPair] = useState<{ from: number; to: number } | null>(null);
  const compared = usePlanCompare(planId, pair);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setPair({ from, to });
  };

  const select = (name: 'from' | 'to', value: number, onChange: (version: number) => void) => (
    <p className={styles.compareField}>
      <label htmlFor={`${id}-${name}`}>{t(`triggers.plan.compare.${name}`)}</label>
      <select
        id={`${id}-${name}`}
        className={styles.select}
        value={value}
        onChange={(event) => onChange(Number(event.target.value))}
      >
        {versions.map((version) => (
          <option key={version} value={version}>
            {t('triggers.plan.compare.option', { version })}
          </option>
        ))}
      </select>
    </p>
  );

  return (
    <section className={styles.compare} aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`} className={styles.sectionHeading}>
        {t('triggers.plan.compare.heading')}
      </h4>
      <form className={styles.compareForm} onSubmit={submit}>
        {select('from', from, setFrom)}
        {select('to', to, setTo)}
        <Button type="submit" variant="secondary" pending={compared.isFetching}>
          {t('triggers.plan.compare.show')}
        </Button>
      </form>
      {pair &&
        (compared.isPending ? (
          <Loading label={t('triggers.plan.compare.loading')} />
        ) : compared.isError ? (
          <LoadError message={compared.error.message} onRetry={() => void compared.refetch()} />
        ) : (
          <div>
            <p className={styles.versionLine}>
              {t('triggers.plan.compare.result', {
                from: compared.data.from.version,
                to: compared.data.to.version,
              })}
            </p>
            <p className={styles.quiet}>{t('triggers.plan.compare.intro')}</p>
            {PLAN_SECTIONS.map((section) => (
              <div key={section} className={styles.planSection}>
                <h5 className={styles.sectionHeading}>{t(SECTION_LABEL[section])}</h5>
                <DiffText parts={compared.data.diff[section]} />
              </div>
            ))}
          </div>
        ))}
    </section>
  );
}
