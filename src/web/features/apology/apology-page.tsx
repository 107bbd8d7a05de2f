import { useMemo } from 'react';
import { Link } from 'react-router';
import { compileLanguageRules } from '#shared/apology-language.ts';
import type { TInjuryRef } from '#shared/schemas/apology.ts';
import { t } from '#web/i18n/index.ts';
import { Button, JointWorkPaused, LoadError, Loading, Notice, Page, Panel } from '#web/ui/index.ts';
import { useApologyOverview, usePartnerName, useStartApology } from './api';
import styles from './apology.module.css';
import { injuryWords } from './parts';
import { ReaderApology } from './reader';
import { WriterApology } from './writer';

/**
 * /apology: the involved partner writes an apology in guided parts and sends it when ready; the
 * hurt partner reads it, comments on any part, and answers the follow-through on its
 * commitments. Both see the commitments once sent.
 */
export function ApologyPage() {
  const overview = useApologyOverview();
  const partner = usePartnerName();
  const compiled = useMemo(
    () => compileLanguageRules(overview.data?.rules ?? []),
    [overview.data?.rules],
  );

  return (
    <Page title={t('apology.title')} heading={t('apology.heading')} lead={t('apology.lead')}>
      {overview.isPending || partner.pending ? (
        <Loading label={t('apology.loading')} />
      ) : overview.isError ? (
        <LoadError message={overview.error.message} onRetry={() => void overview.refetch()} />
      ) : (
        <div className={styles.layout}>
          {!overview.data.jointWorkOpen && <JointWorkPaused />}
          <details className={styles.about}>
            <summary>{t('apology.about.heading')}</summary>
            <p>{t('apology.about.p1')}</p>
            <p>{t('apology.about.p2')}</p>
            <p>{t('apology.about.p3')}</p>
          </details>
          {overview.data.toStart.map((injury) => (
            <StartApology key={injury.id} injury={injury} />
          ))}
          {overview.data.apologies.map((apology) =>
            apology.view === 'writer' ? (
              <WriterApology
                key={apology.id}
                apology={apology}
                rules={overview.data.rules}
                compiled={compiled}
                partnerName={partner.name}
                jointWorkOpen={overview.data.jointWorkOpen}
              />
            ) : (
              <ReaderApology
                key={apology.id}
                apology={apology}
                partnerName={partner.name ?? t('apology.yourPartner')}
                jointWorkOpen={overview.data.jointWorkOpen}
              />
            ),
          )}
          {overview.data.toStart.length === 0 && overview.data.apologies.length === 0 && (
            <Panel heading={t('apology.empty.heading')} quiet>
              <p>{t('apology.empty.body')}</p>
              <p>
                <Link to="/injuries">{t('apology.empty.injuries')}</Link>
              </p>
            </Panel>
          )}
        </div>
      )}
    </Page>
  );
}

function StartApology({ injury }: { injury: TInjuryRef }) {
  const start = useStartApology();
  return (
    <Panel heading={t('apology.start.heading')}>
      <p className={styles.quiet}>{injuryWords(injury)}</p>
      <p>{t('apology.start.body')}</p>
      {start.isError && (
        <Notice tone="problem" role="alert">
          <p>{start.error.message}</p>
        </Notice>
      )}
      <Button pending={start.isPending} onClick={() => start.mutate(injury.id)}>
        {start.isPending ? t('apology.start.starting') : t('apology.start.button')}
      </Button>
    </Panel>
  );
}
