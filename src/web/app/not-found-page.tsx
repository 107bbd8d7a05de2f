import { Link } from 'react-router';
import { t } from '#web/i18n/index.ts';
import { Page } from '#web/ui/index.ts';

export function NotFoundPage() {
  return (
    <Page title={t('notFound.title')} heading={t('notFound.heading')} width="narrow">
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </Page>
  );
}
