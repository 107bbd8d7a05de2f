/**
 * The words a printed weekly check-in needs: its title, and the title and band words of its total
 * and subscales. The app shell builds them from the measures the server loaded at start, so this
 * feature never reads or checks the measure files itself; a measure it has no words for shows
 * plain ids. The type lives with the manifest core, which turns scores into lines.
 */
export type { MeasureWords } from '#server/policy/manifest.ts';
