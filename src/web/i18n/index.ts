import { en, type Catalog, type MessageKey } from './en';

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
 * The words for `key`, with `{name}` parameters filled in.
 * `t('space.greeting', { name: 'Sam' })` → "Hello, Sam."
 */
export function t<K extends MessageKey>(key: K, ...args: ParamArgs<K>): string {
  const text: string = en[key];
  const params = args[0] as Record<string, string | number> | undefined;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
