/**
 * The words a printed weekly check-in needs: its title, and the title and band words of its total
 * and subscales. The app shell builds them from the measures the server loaded at start, so this
 * feature never reads or checks the measure files itself; a measure it has no words for shows
 * plain ids.
 */
export interface MeasureWords {
  title: string;
  scales: Map<string, { title: string; bands: Map<string, string> }>;
}
