import { useId, useState, type FormEvent } from 'react';
import { AGREEMENT_SECTIONS, type TAgreementSections } from '#shared/schemas/agreements.ts';
import { t } from '#web/i18n/index.ts';
import { Button, formatDateTime, LoadError, Loading } from '#web/ui/index.ts';
import { WordDiffText } from '#web/ui/word-diff-text.tsx';
import { useAgreementCompare, useAgreementVersions } from './api';
import styles from './agreements.module.css';

const PART_LABEL = {
  title: 'agreements.part.title',
  body: 'agreements.part.body',
} as const;

function VersionText({ sections }: { sections: TAgreementSections }) {
  return (
    <div>
      <p className={styles.status}>{sections.title}</p>
      <p className={styles.text}>{sections.body}</p>
    </div>
  );
}

function VersionItem({
  version,
}: {
  version: {
    version: number;
    createdAt: string;
    author: { name: string; mine: boolean };
    sections: TAgreementSections;
  };
}) {
  const [open, setOpen] = useState(false);
  const date = formatDateTime(version.createdAt);
  return (
    <li>
      <span>
        {version.author.mine
          ? t('agreements.history.itemYou', { version: version.version, date })
          : t('agreements.history.item', {
              version: version.version,
              name: version.author.name,
              date,
            })}
      </span>{' '}
      <Button variant="quiet" aria-expanded={open} onClick={() => setOpen((shown) => !shown)}>
        {open
          ? t('agreements.history.hide', { version: version.version })
          : t('agreements.history.show', { version: version.version })}
      </Button>
      {open && <VersionText sections={version.sections} />}
    </li>
  );
}

/** Pick two versions and read, part by part, what changed between them (newest first). */
function Compare({ id, versions }: { id: string; versions: number[] }) {
  const formId = useId();
  const [from, setFrom] = useState(versions[1] ?? versions[0]!);
  const [to, setTo] = useState(versions[0]!);
  const [pair, setPair] = useState<{ from: number; to: number } | null>(null);
  const compared = useAgreementCompare(id, pair);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setPair({ from, to });
  };
  const select = (name: 'from' | 'to', value: number, onChange: (version: number) => void) => (
    <p className={styles.compareField}>
      <label htmlFor={`${formId}-${name}`}>{t(`agreements.compare.${name}`)}</label>
      <select
        id={`${formId}-${name}`}
        className={styles.select}
        value={value}
        onChange={(event) => onChange(Number(event.target.value))}
      >
        {versions.map((version) => (
          <option key={version} value={version}>
            {t('agreements.compare.option', { version })}
          </option>
        ))}
      </select>
    </p>
  );

  return (
    <section className={styles.block} aria-labelledby={`${formId}-heading`}>
      <h3 id={`${formId}-heading`} className={styles.blockHeading}>
        {t('agreements.compare.heading')}
      </h3>
      <form className={styles.compareForm} onSubmit={submit}>
        {select('from', from, setFrom)}
        {select('to', to, setTo)}
        <Button type="submit" variant="secondary" pending={compared.isFetching}>
          {t('agreements.compare.show')}
        </Button>
      </form>
      {pair &&
        (compared.isPending ? (
          <Loading label={t('agreements.compare.loading')} />
        ) : compared.isError ? (
          <LoadError message={compared.error.message} onRetry={() => void compared.refetch()} />
        ) : (
          <div>
            <p className={styles.status}>
              {t('agreements.compare.result', {
                from: compared.data.from.version,
                to: compared.data.to.version,
              })}
            </p>
            <p className={styles.quiet}>{t('agreements.compare.intro')}</p>
            {AGREEMENT_SECTIONS.map((section) => (
              <div key={section}>
                <h4 className={styles.blockHeading}>{t(PART_LABEL[section])}</h4>
                <WordDiffText parts={compared.data.diff[section]} />
              </div>
            ))}
          </div>
        ))}
    </section>
  );
}

/** Every version of one agreement, with author and time, fetched when the person opens it. */
export function AgreementHistory({ id }: { id: string }) {
  const [open, setOpen] = useState(false);
  const versions = useAgreementVersions(id, open);
  const loaded = versions.data?.pages.flatMap((page) => page.versions.map((v) => v.version)) ?? [];
  return (
    <details className={styles.more} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('agreements.history.heading')}</summary>
      {versions.isPending ? (
        open && <Loading label={t('agreements.history.loading')} />
      ) : versions.isError ? (
        <LoadError message={versions.error.message} onRetry={() => void versions.refetch()} />
      ) : (
        <>
          <ol className={styles.versions}>
            {versions.data.pages
              .flatMap((page) => page.versions)
              .map((version) => (
                <VersionItem key={version.version} version={version} />
              ))}
          </ol>
          {versions.hasNextPage && (
            <Button
              variant="secondary"
              pending={versions.isFetchingNextPage}
              onClick={() => void versions.fetchNextPage()}
            >
              {t('agreements.history.more')}
            </Button>
          )}
          {loaded.length > 1 && <Compare id={id} versions={loaded} />}
        </>
      )}
    </details>
  );
}
