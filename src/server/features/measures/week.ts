/**
 * Calendar weeks in the person's own time zone. A week starts on Monday; it is named by that
 * Monday's date (`2026-11-23`), which is what responses store and the progress page groups by.
 */
const DAY_MS = 86_400_000;

/** Today's date (`YYYY-MM-DD`) where the person is. `timeZone` is an IANA name such as Europe/Paris. */
export function localDate(now: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const get = (type: string) => parts.find((part) => part.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

function toUtcMs(isoDate: string): number {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day);
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
  return fromUtcMs(toUtcMs(isoDate) + days * DAY_MS);
}

/** The Monday on or before `isoDate`. */
export function mondayOf(isoDate: string): string {
  const weekday = new Date(toUtcMs(isoDate)).getUTCDay(); // 0 = Sunday
  return addDays(isoDate, -((weekday + 6) % 7));
}

/** The Monday of the person's current week. */
export function currentWeek(now: Date, timeZone: string): string {
  return mondayOf(localDate(now, timeZone));
}

/**
 * Is a measure with this cadence ready to fill again? Yes when nothing was filled in the current
 * round: this week for a weekly one, this or last week for a fortnightly one, the last four weeks
 * for a monthly one. ISO dates compare correctly as strings.
 */
export function isDue(lastWeek: string | null, thisWeek: string, cadenceWeeks: number): boolean {
  if (lastWeek === null) return true;
  return lastWeek < addDays(thisWeek, -7 * (cadenceWeeks - 1));
}
