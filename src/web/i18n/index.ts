import { core, type Catalog, type MessageKey } from './en';
import { safety } from './en/safety';

export type { MessageKey } from './en';

/** The `{name}` parameters a message needs, read from its text at compile time. */
type ParamNames<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | ParamNames<Rest>
  : never;

export type MessageParams<K extends MessageKey> = Record<ParamNames<Catalog[K]>, string | number>;

type ParamArgs<K extends MessageKey> = [ParamNames<Catalog[K]>] extends [never]
  ? []
  : [params: MessageParams<K>];

/**
 * The words loaded so far: the first download holds the core's (the frame, the front page, quick
 * exit) and "I don't feel safe"; each feature's come with the first page that needs them.
 */
const words: Record<string, string> = { ...core, ...safety };
let loadingAll: Promise<void> | undefined;

/** Fetches every feature's words once; a page's code waits for this before it renders. */
export function loadAllWords(): Promise<void> {
  loadingAll ??= import('./feature-words').then(({ featureWords }) => {
    Object.assign(words, featureWords);
  });
  return loadingAll;
}

/**
 * The words for `key`, with `{name}` parameters filled in.
 * `t('space.greeting', { name: 'Sam' })` → "Hello, Sam."
 */
export function t<K extends MessageKey>(key: K, ...args: ParamArgs<K>): string {
  const text = words[key];
  // Only a page in the first download could ask before loadAllWords(), and a test over the
  // build (tests/helpers/bundle-budget.test.ts) checks that none of them uses a feature's words.
  if (text === undefined) return key;
  const params = args[0] as Record<string, string | number> | undefined;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
