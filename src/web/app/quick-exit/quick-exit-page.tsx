import { Link } from 'react-router';
import { t } from '#web/i18n/index.ts';
import { Page, Panel } from '#web/ui/index.ts';

/** The honest help text for quick exit: what it does, and what it cannot do. */
export function QuickExitPage() {
  return (
    <Page
      title={t('quickExit.page.title')}
      heading={t('quickExit.page.heading')}
      lead={t('quickExit.page.intro')}
      width="narrow"
    >
      <Panel heading={t('quickExit.page.howHeading')}>
        <ul>
          <li>{t('quickExit.page.howButton')}</li>
          <li>{t('quickExit.page.howKeys')}</li>
        </ul>
      </Panel>
      <Panel heading={t('quickExit.page.doesHeading')}>
        <ul>
          <li>{t('quickExit.page.does1')}</li>
          <li>{t('quickExit.page.does2')}</li>
          <li>{t('quickExit.page.does3')}</li>
          <li>{t('quickExit.page.does4')}</li>
        </ul>
      </Panel>
      <Panel heading={t('quickExit.page.limitsHeading')}>
        <ul>
          <li>{t('quickExit.page.limits1')}</li>
          <li>{t('quickExit.page.limits2')}</li>
          <li>{t('quickExit.page.limits3')}</li>
          <li>{t('quickExit.page.limits4')}</li>
          <li>{t('quickExit.page.limits5')}</li>
          <li>{t('quickExit.page.limits6')}</li>
        </ul>
      </Panel>
      <Panel heading={t('quickExit.page.adviceHeading')}>
        <ul>
          <li>{t('quickExit.page.advice1')}</li>
          <li>{t('quickExit.page.advice2')}</li>
        </ul>
      </Panel>
      <p>
        <Link to="/">{t('quickExit.page.backHome')}</Link>
      </p>
    </Page>
  );
}
