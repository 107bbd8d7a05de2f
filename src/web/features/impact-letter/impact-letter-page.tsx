import { t } from '../../i18n';
import { JointWorkPaused, LoadError, Loading, Page, Panel } from '../../ui';
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

  return (
    <Page
      title={t('impact-letter.title')}
      heading={t('impact-letter.heading')}
      lead={t('impact-letter.lead')}
    >
      {overview.isPending || partner.pending ? (
        <Loading label={t('impact-letter.loading')} />
      ) : overview.isError ? (
        <LoadError message={overview.error.message} onRetry={() => void overview.refetch()} />
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

function About() {
  return (
    <>
      <p>{t('impact-letter.about.p1')}</p>
      <p>{t('impact-letter.about.p2')}</p>
      <p>{t('impact-letter.about.p3')}</p>
    </>
  );
}
