import type { TOverview } from '#shared/schemas/impact-letter.ts';
import { t } from '#web/i18n/index.ts';
import { JointWorkPaused, LoadError, Loading, Page, Panel } from '#web/ui/index.ts';
import { useOverview, usePartnerName } from './api';
import styles from './impact-letter.module.css';
import { MyLetter } from './my-letter';
import { PartnerLetters } from './partner-letter';

/**
 * /impact-letter: my letter (write, keep private, share when ready) and, if my partner shared
 * theirs, their letter with my reflection on it. The words speak to the person who was hurt;
 * anyone may write a letter, so a couple where both were hurt can each write one.
 */
export function ImpactLetterPage() {
  const overview = useOverview();
  const partner = usePartnerName();
  const reader = overview.data !== undefined && readsFirst(overview.data);

  return (
    <Page
      title={t('impact-letter.title')}
      heading={reader ? t('impact-letter.reader.heading') : t('impact-letter.heading')}
      lead={reader ? t('impact-letter.reader.lead') : t('impact-letter.lead')}
    >
      {overview.isPending || partner.pending ? (
        <Loading label={t('impact-letter.loading')} />
      ) : overview.isError ? (
        <LoadError message={overview.error.message} onRetry={() => void overview.refetch()} />
      ) : reader ? (
        <ReaderView overview={overview.data} partnerName={partner.name} inSpace={partner.inSpace} />
      ) : (
        <div className={styles.layout}>
          {!overview.data.jointWorkOpen && <JointWorkPaused />}
          {partner.name && overview.data.fromPartner.length > 0 && (
            <nav aria-label={t('impact-letter.jump.label')} className={styles.jump}>
              <ul className={styles.jumpList}>
                <li>
                  <a href="#my-letter">{t('impact-letter.jump.mine')}</a>
                </li>
                <li>
                  <a href="#partner-letter">
                    {t('impact-letter.jump.partner', { name: partner.name })}
                  </a>
                </li>
              </ul>
            </nav>
          )}
          {overview.data.mine.length === 0 && overview.data.fromPartner.length === 0 ? (
            <Panel heading={t('impact-letter.about.heading')} quiet>
              <About />
            </Panel>
          ) : (
            <details className={styles.about}>
              <summary>{t('impact-letter.about.heading')}</summary>
              <About />
            </details>
          )}
          <MyLetter overview={overview.data} partnerName={partner.name} inSpace={partner.inSpace} />
          {partner.name && (
            <PartnerLetters
              letters={overview.data.fromPartner}
              partnerName={partner.name}
              jointWorkOpen={overview.data.jointWorkOpen}
            />
          )}
        </div>
      )}
    </Page>
  );
}

/**
 * The involved partner (in no injury the one hurt) who has not written a letter of their own:
 * the page is about the letter they wait for or read, and their reflection on it.
 */
function readsFirst(overview: TOverview): boolean {
  return (
    overview.myRoles.includes('involved') &&
    !overview.myRoles.includes('hurt') &&
    overview.mine.length === 0
  );
}

/**
 * The involved partner's view: the letter from the hurt partner (or a calm word that it has not
 * come yet), with the reflection on it; a letter of their own stays possible, folded away.
 */
function ReaderView({
  overview,
  partnerName,
  inSpace,
}: {
  overview: TOverview;
  partnerName: string | null;
  inSpace: boolean;
}) {
  const name = partnerName ?? t('impact-letter.reader.yourPartner');
  return (
    <div className={styles.layout}>
      {!overview.jointWorkOpen && <JointWorkPaused />}
      {partnerName && overview.fromPartner.length > 0 ? (
        <PartnerLetters
          letters={overview.fromPartner}
          partnerName={partnerName}
          jointWorkOpen={overview.jointWorkOpen}
        />
      ) : (
        <Panel heading={t('impact-letter.reader.waiting.heading', { name })}>
          <p>{t('impact-letter.reader.waiting.body', { name })}</p>
          <p>{t('impact-letter.reader.waiting.meanwhile')}</p>
        </Panel>
      )}
      <details className={styles.about}>
        <summary>{t('impact-letter.reader.own')}</summary>
        <MyLetter overview={overview} partnerName={partnerName} inSpace={inSpace} />
      </details>
      <details className={styles.about}>
        <summary>{t('impact-letter.about.heading')}</summary>
        <About />
      </details>
    </div>
  );
}

function About() {
  return (
    <>
      <p>{t('impact-letter.about.p1')}</p>
      <p>{t('impact-letter.about.p2')}</p>
      <p>{t('impact-letter.about.p3')}</p>
    </>
  );
}
