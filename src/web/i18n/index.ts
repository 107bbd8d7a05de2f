import { core, type Catalog, type MessageKey } from './en';
import { layout } from './en/layout';
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
 * The words loaded so far: the first download holds the core's (the front page, quick exit), the
 * frame's (`layout`) and "I don't feel safe"; each feature's come with the first page that needs them.
 */
const words: Record<string, string> = { ...core, ...layout, ...safety };
let loadingAll: Promise<void> | undefined;

/** Fetches every feature's words once; a page's code waits for this before it renders. */
export function loadAllWords(): Promise<void> {
  loadingAll ??= import('./feature-words').then(({ featureWords }) => {
    Object.assign(words, featureWords);
  });
  return loadingAll;
}

function fill(text: string, params: Record<string, string | number> | undefined): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
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
  return fill(text, args[0]);
}

/**
 * A message that comes in plural forms: keys `<base>.one`, `<base>.other`, and any other form
 * the language's plural rules name (`zero`, `two`, `few`, `many`). `.other` is always there.
 */
export type PluralBase = {
  [K in MessageKey]: K extends `${infer Base}.other` ? Base : never;
}[MessageKey];

type OtherKey<B extends PluralBase> = Extract<MessageKey, `${B}.other`>;
type PluralParams<B extends PluralBase> = Omit<MessageParams<OtherKey<B>>, 'count'>;
type PluralArgs<B extends PluralBase> = [keyof PluralParams<B>] extends [never]
  ? []
  : [params: PluralParams<B>];

// The catalog is English; a translated catalog brings its own language's rules.
const pluralRules = new Intl.PluralRules('en');

/**
 * The form of `base` that fits `count`, chosen by the language's plural rules, with `{count}`
 * and the other parameters filled in.
 * `plural('progress.pain.summary', 1)` → "… the one week you checked in …"
 */
export function plural<B extends PluralBase>(
  base: B,
  count: number,
  ...args: PluralArgs<B>
): string {
  const form = `${base}.${pluralRules.select(count)}`;
  const text = words[form] ?? words[`${base}.other`] ?? `${base}.other`;
  return fill(text, { ...(args[0] as Record<string, string | number> | undefined), count });
}
