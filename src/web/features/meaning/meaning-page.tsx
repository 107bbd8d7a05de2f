import { Link } from 'react-router';
import { t } from '#web/i18n/index.ts';
import { LoadError, Loading, Notice, Page, Panel } from '#web/ui/index.ts';
import { useSpace } from '#web/core/space.ts';
import { useFactors } from './api';
import { FactorsPanel } from './factors';
import { SharedStoryPanel } from './shared-story';
import { StoryPanel } from './story';
import styles from './meaning.module.css';

/** The kind, standing reminder at the top of the page: context never excuses the choice. */
function Reminder() {
  return (
    <aside className={styles.reminder} aria-labelledby="meaning-reminder">
      <h2 id="meaning-reminder">{t('meaning.reminder.heading')}</h2>
      <p>{t('meaning.reminder.body')}</p>
    </aside>
  );
}

/** Whether the couple's pace has reached this phase, said once for the whole page. */
function PaceNotice() {
  const map = useFactors();
  if (!map.data || map.data.paceOpen) return null;
  return (
    <Notice>
      <p>{t('meaning.pace.waiting')}</p>
      <p>
        <Link to="/program">{t('meaning.pace.link')}</Link>
      </p>
    </Notice>
  );
}

/**
 * /meaning: the second phase's work of making sense of it — what was around it (each partner's
 * own map), what it was about (the involved partner's account) and our story, written together.
 */
export function MeaningPage() {
  const space = useSpace();
  return (
    <Page title={t('meaning.title')} heading={t('meaning.heading')} lead={t('meaning.lead')}>
      <Reminder />
      {space.isPending ? (
        <Loading label={t('meaning.loading')} />
      ) : space.isError ? (
        <LoadError message={space.error.message} onRetry={() => void space.refetch()} />
      ) : space.data.space ? (
        <>
          <nav aria-label={t('meaning.jump')}>
            <ul className={styles.jump}>
              <li>
                <a href="#factors">{t('meaning.jump.factors')}</a>
              </li>
              <li>
                <a href="#story">{t('meaning.jump.story')}</a>
              </li>
              <li>
                <a href="#together">{t('meaning.jump.together')}</a>
              </li>
            </ul>
          </nav>
          {space.data.space.partner && <PaceNotice />}
          <FactorsPanel partnerName={space.data.space.partner?.displayName ?? null} />
          <StoryPanel partnerName={space.data.space.partner?.displayName ?? null} />
          <SharedStoryPanel />
        </>
      ) : (
        <Panel heading={t('meaning.title')}>
          <Notice>
            <p>{t('meaning.noSpace')}</p>
          </Notice>
          <p>
            <Link to="/home">{t('meaning.noSpace.link')}</Link>
          </p>
        </Panel>
      )}
    </Page>
  );
}
