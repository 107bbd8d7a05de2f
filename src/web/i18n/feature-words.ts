/**
 * Every feature's words (en/<feature>.ts), merged. Only the core's words (and "I don't feel
 * safe") are in the first download; this comes with the first page that needs more
 * (loadAllWords in ./index, decision 0028). A new file in en/ is picked up without a change here.
 */
const catalogs = import.meta.glob<Record<string, Record<string, string>>>(
  // The frame and "I don't feel safe" are on every page, so their words are in the first download.
  ['./en/*.ts', '!./en/safety.ts', '!./en/layout.ts'],
  { eager: true },
);

export const featureWords: Record<string, string> = Object.fromEntries(
  Object.values(catalogs).flatMap((exports) =>
    Object.values(exports).flatMap((words) => Object.entries(words)),
  ),
);
