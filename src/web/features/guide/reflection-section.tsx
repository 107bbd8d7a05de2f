import { lazy, Suspense } from 'react';
import { Link, useLocation } from 'react-router';
import { t } from '#web/i18n/index.ts';
import { Loading, Panel } from '#web/ui/index.ts';
import styles from './guide.module.css';

// A signed-in reader's form, with the schemas that check it, loads only for someone signed in:
// a lesson's first download has no schema library in it (decision 0057).
const SignedInReflection = lazy(() =>
  import('./signed-in-reflection').then((m) => ({ default: m.SignedInReflection })),
);

export interface ReflectionSectionProps {
  slug: string;
  prompt: string;
  signedIn: boolean;
  checkingSession: boolean;
}

/** The end of a lesson: its question, and a signed-in reader's own private answer. */
export function ReflectionSection({
  slug,
  prompt,
  signedIn,
  checkingSession,
}: ReflectionSectionProps) {
  const location = useLocation();
  return (
    <Panel heading={t('guide.reflect.heading')} id="reflection">
      <p className={styles.prompt}>{prompt}</p>
      {checkingSession ? null : signedIn ? (
        <Suspense fallback={<Loading label={t('guide.reflect.loading')} />}>
          <SignedInReflection slug={slug} />
        </Suspense>
      ) : (
        <p className={styles.quiet}>
          <Link to="/signin" state={{ from: location.pathname }}>
            {t('guide.reflect.signIn')}
          </Link>
          . {t('guide.reflect.signInAfter')}
        </p>
      )}
    </Panel>
  );
}
