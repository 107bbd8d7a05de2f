import { Link } from 'react-router';
import { useMe } from '#web/core/session.ts';
import { t } from '#web/i18n/index.ts';
import { Button, formatDate, LoadError, Loading, usePageTitle } from '#web/ui/index.ts';
import { usePrep } from './api';
import { PrepItem } from './prep-item';
import styles from './session-prep.module.css';

/**
 * The notes as a clean document for print or PDF (the browser's own print). The site's header,
 * menus and footer are hidden in print by the layout (`data-print-hide`).
 */
export function SessionPrepPrintPage() {
  usePageTitle(t('sessionPrep.print.title'));
  const prep = usePrep();
  const me = useMe();
  return (
    <div className={styles.document}>
      <div className={styles.screenOnly} data-print-hide="">
        <p className={styles.hint}>{t('sessionPrep.print.hint')}</p>
        <p className={styles.actions}>
          <Button type="button" onClick={() => window.print()}>
            {t('sessionPrep.print.button')}
          </Button>
          <Link to="/session-prep">{t('sessionPrep.print.back')}</Link>
        </p>
      </div>
      <h1 tabIndex={-1} data-page-heading="">
        {t('sessionPrep.print.heading')}
      </h1>
      {prep.isPending && <Loading label={t('sessionPrep.loading')} />}
      {prep.isError && (
        <LoadError message={prep.error.message} onRetry={() => void prep.refetch()} />
      )}
      {prep.data && (
        <>
          <p className={styles.prepared}>
            {t('sessionPrep.print.prepared', {
              name: me.data?.displayName ?? '',
              date: formatDate(new Date().toISOString()),
            })}
          </p>
          <section className={styles.printSection}>
            <h2>{t('sessionPrep.topics.label')}</h2>
            <p className={styles.noteText}>
              {prep.data.topics.trim() || t('sessionPrep.print.noNotes')}
            </p>
          </section>
          <section className={styles.printSection}>
            <h2>{t('sessionPrep.questions.label')}</h2>
            <p className={styles.noteText}>
              {prep.data.questions.trim() || t('sessionPrep.print.noNotes')}
            </p>
          </section>
          <section className={styles.printSection}>
            <h2>{t('sessionPrep.print.items')}</h2>
            {prep.data.items.length === 0 ? (
              <p>{t('sessionPrep.print.noItems')}</p>
            ) : (
              prep.data.items.map((item) => (
                <PrepItem key={`${item.kind}:${item.id}`} item={item} headingLevel="h3" />
              ))
            )}
          </section>
        </>
      )}
    </div>
  );
}
