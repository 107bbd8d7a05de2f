import { Component, type ReactNode } from 'react';
import { t } from '#web/i18n/index.ts';
import { Button, Page } from '#web/ui/index.ts';

interface Props {
  children: ReactNode;
}

interface State {
  failed: boolean;
}

/**
 * If a page breaks, show a calm message in place of a white screen. The layout (and its quick
 * exit) sits outside this boundary, so quick exit keeps working. React itself logs the error to
 * the console; there is no reporting service, by design.
 */
export class PageErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Page title={t('crash.title')} heading={t('crash.heading')} width="narrow">
        <p>{t('crash.body')}</p>
        <Button onClick={() => window.location.reload()}>{t('crash.reload')}</Button>
      </Page>
    );
  }
}
