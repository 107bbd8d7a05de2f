import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { t } from '#web/i18n/index.ts';
import { Button, useAnnounce } from '#web/ui/index.ts';
import styles from './layout.module.css';
import { onSupportSuggested } from '#web/core/support-signal.ts';

/**
 * A calm offer of support, shown above the page when something the person wrote sounds like they
 * may be in danger or in crisis. What they wrote was saved as usual; this never stands in the way.
 */
export function SupportOffer() {
  const [shown, setShown] = useState(false);
  const announce = useAnnounce();

  useEffect(
    () =>
      onSupportSuggested(() => {
        setShown(true);
        announce(t('safety.offer.announce'));
      }),
    [announce],
  );

  if (!shown) return null;
  return (
    <section className={styles.supportOffer} aria-labelledby="support-offer-heading">
      <h2 id="support-offer-heading">{t('safety.offer.heading')}</h2>
      <p>{t('safety.offer.body')}</p>
      <p className={styles.supportOfferActions}>
        <Link to="/safety" onClick={() => setShown(false)}>
          {t('safety.offer.link')}
        </Link>
        <Button variant="quiet" onClick={() => setShown(false)}>
          {t('safety.offer.close')}
        </Button>
      </p>
    </section>
  );
}
