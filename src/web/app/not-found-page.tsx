import { Link } from 'react-router';
import { t } from '../i18n';
import { Page } from '../ui';

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
