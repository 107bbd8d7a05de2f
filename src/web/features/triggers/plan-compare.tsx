import { useId, useState, type FormEvent } from 'react';
import { PLAN_SECTIONS } from '#shared/schemas/triggers.ts';
import { t } from '#web/i18n/index.ts';
import { Button, LoadError, Loading } from '#web/ui/index.ts';
import { WordDiffText } from '#web/ui/word-diff-text.tsx';
import { usePlanCompare } from './api';
import { SECTION_LABEL } from './plan-words';
import styles from './triggers.module.css';

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
                <WordDiffText parts={compared.data.diff[section]} />
              </div>
            ))}
          </div>
        ))}
    </section>
  );
}
