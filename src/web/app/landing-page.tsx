import { Link, useLocation } from 'react-router';
import { t, type MessageKey } from '#web/i18n/index.ts';
import { buttonClass, buttonRowClass, Notice, Page } from '#web/ui/index.ts';
import styles from './landing-page.module.css';
import { useMe } from '#web/core/session.ts';

/** Router state left for the front page after someone signs out on purpose. */
export interface SignedOutState {
  signedOut?: boolean;
}

const HOW_IT_WORKS = ['accounts', 'space', 'pace', 'therapist'] as const;
const DATA_PROMISES = ['server', 'private', 'widen', 'noThirdParties'] as const;

export function LandingPage() {
  const me = useMe();
  const location = useLocation();
  const justSignedOut = (location.state as SignedOutState | null)?.signedOut === true;

  return (
    <Page title={null} heading={t('landing.heading')}>
      <div className={styles.hero}>
        <p className={styles.lead}>{t('landing.lead')}</p>
        {justSignedOut && !me.data && (
          <Notice role="status">
            <p>{t('landing.signedOut')}</p>
          </Notice>
        )}
        {me.data ? (
          <>
            <p>{t('landing.signedInAs', { name: me.data.displayName })}</p>
            <div className={buttonRowClass}>
              <Link to="/home" className={buttonClass('primary')}>
                {t('landing.goHome')}
              </Link>
            </div>
          </>
        ) : (
          <div className={buttonRowClass}>
            <Link to="/signup" className={buttonClass('primary')}>
              {t('landing.signUp')}
            </Link>
            <Link to="/signin" className={buttonClass('secondary')}>
              {t('landing.signIn')}
            </Link>
          </div>
        )}
      </div>

      <section aria-labelledby="how-heading" className={styles.section}>
        <h2 id="how-heading">{t('landing.how.heading')}</h2>
        <ul className={styles.cards}>
          {HOW_IT_WORKS.map((item) => (
            <li key={item} className={styles.card}>
              <h3>{t(`landing.how.${item}.title` satisfies MessageKey)}</h3>
              <p>{t(`landing.how.${item}.body` satisfies MessageKey)}</p>
            </li>
          ))}
        </ul>
      </section>

      <section id="data" aria-labelledby="data-heading" className={styles.section}>
        <h2 id="data-heading">{t('landing.data.heading')}</h2>
        <ul className={styles.cards}>
          {DATA_PROMISES.map((item) => (
            <li key={item} className={styles.card}>
              <h3>{t(`landing.data.${item}.title` satisfies MessageKey)}</h3>
              <p>{t(`landing.data.${item}.body` satisfies MessageKey)}</p>
            </li>
          ))}
        </ul>
        <div className={styles.limits}>
          <h3>{t('landing.data.limits.heading')}</h3>
          <ul>
            <li>{t('landing.data.limits.host')}</li>
            <li>{t('landing.data.limits.device')}</li>
            <li>{t('landing.data.limits.shared')}</li>
          </ul>
        </div>
      </section>

      <p className={styles.care}>{t('landing.care')}</p>
    </Page>
  );
}
