import { Suspense, use, type ComponentType } from 'react';
import { loadAllWords, t } from '#web/i18n/index.ts';
import styles from './lazy-page.module.css';

export type LazyPage<P extends object> = ComponentType<P> & {
  /** Starts loading the page's code (idempotent); the page renders without waiting once it is in. */
  preload: () => Promise<ComponentType<P>>;
};

type WithPart<P extends object> = LazyPage<P> & { Part: ComponentType<P> };

/**
 * A page whose code is fetched the first time it is shown, so the first visit to the front page
 * or a lesson does not carry the code of every other page. Until it arrives, a quiet placeholder
 * holds the page's place (so the footer does not jump). `along` names parts the page renders
 * (panels passed in by the route table) to fetch at the same time, instead of one after another.
 */
export function lazyPage<P extends object>(
  load: () => Promise<ComponentType<P>>,
  { along = [] }: { along?: readonly { preload: () => unknown }[] } = {},
): WithPart<P> {
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () => {
    if (loading) return loading;
    for (const part of along) void part.preload();
    // The page's words come with its code: the first download holds only the core's.
    const promise = Promise.all([load(), loadAllWords()]).then(([page]) => page);
    // React's `use` reads a promise marked settled (status and value) at once, without waiting:
    // a page fetched ahead (a panel along with its page) then renders in the same pass.
    promise.then(
      (value) => Object.assign(promise, { status: 'fulfilled', value }),
      (reason: unknown) => Object.assign(promise, { status: 'rejected', reason }),
    );
    return (loading = promise);
  };

  function Loaded(props: P) {
    const Component = use(preload());
    return <Component {...props} />;
  }
  function Lazy(props: P) {
    return (
      <Suspense fallback={<PageLoading />}>
        <Loaded {...props} />
      </Suspense>
    );
  }
  return Object.assign(Lazy, { preload, Part: Loaded });
}

/**
 * A part of a page (a panel the route table passes in) with code of its own. It has no
 * placeholder of its own: the page waits for it, and the page fetches it along with itself.
 */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): LazyPage<P> {
  const page = lazyPage(load);
  return Object.assign(page.Part, { preload: page.preload });
}

/**
 * Shown while a page's code loads (or, in RequireAuth, while we learn who is signed in): nothing
 * at first (it usually arrives sooner than a person notices), then a calm line. It is as tall as
 * the window, so the footer stays out of sight and nothing shifts when the page arrives.
 */
export function PageLoading() {
  return (
    <div className={styles.placeholder}>
      <p className={styles.note} role="status">
        {t('common.loading')}
      </p>
    </div>
  );
}
