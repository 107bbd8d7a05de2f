/**
 * Day arithmetic for the hard-dates plan, on plain YYYY-MM-DD strings (no time of day, no zone):
 * when a date comes next, and on which day its reminder is due.
 */

function parts(day: string): [number, number, number] {
  return day.split('-').map(Number) as [number, number, number];
}

function format(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `day` plus `n` days (n may be negative). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = parts(day);
  return format(Date.UTC(y, m - 1, d + n));
}

/** The month and day of `day` in `year`; 29 February is the 28th in a year without it. */
function inYear(day: string, year: number): string {
  const [, m, d] = parts(day);
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return format(Date.UTC(year, m - 1, Math.min(d, last)));
}

/**
 * The next time a date comes, counting today: a one-off date until it has passed (then null); a
 * yearly one this year if it is still to come, otherwise next year.
 */
export function nextOccurrence(day: string, yearly: boolean, today: string): string | null {
  if (!yearly) return day >= today ? day : null;
  const year = parts(today)[0];
  const thisYear = inYear(day, year);
  return thisYear >= today ? thisYear : inYear(day, year + 1);
}

/** The day a reminder is due: `remindDays` before the date, or today if that has passed. */
export function reminderDay(occurrence: string, remindDays: number, today: string): string {
  const due = addDays(occurrence, -remindDays);
  return due > today ? due : today;
}

/** A target date that has passed: a date to look at again, never a failure. */
export function isPast(target: string | null, today: string): boolean {
  return target !== null && target < today;
}
