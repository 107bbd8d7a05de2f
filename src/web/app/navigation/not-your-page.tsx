import { Link } from 'react-router';
import { t } from '#web/i18n/index.ts';
import { Page } from '#web/ui/index.ts';

/**
 * Shown instead of a page meant for the other kind of account: a partner's forms are no use to a
 * therapist (they have no space), and a therapist's workspace is none of a partner's business.
 */
export function NotYourPage({ for: audience }: { for: 'partners' | 'therapists' }) {
  const words =
    audience === 'partners'
      ? {
          title: t('layout.forPartners.title'),
          heading: t('layout.forPartners.heading'),
          body: t('layout.forPartners.body'),
          link: t('layout.forPartners.link'),
          to: '/practice',
        }
      : {
          title: t('layout.forTherapists.title'),
          heading: t('layout.forTherapists.heading'),
          body: t('layout.forTherapists.body'),
          link: t('layout.forTherapists.link'),
          to: '/home',
        };
  return (
    <Page title={words.title} heading={words.heading} width="narrow">
      <p>{words.body}</p>
      <p>
        <Link to={words.to}>{words.link}</Link>
      </p>
    </Page>
  );
}
