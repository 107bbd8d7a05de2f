const weekFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeZone: 'UTC' });

/**
 * "23 November 2026" for a week named by its Monday (`2026-11-23`). A calendar date has no time
 * of day, so it is read and written in UTC and never shifts a day with the viewer's time zone.
 */
export function formatWeek(week: string): string {
  return weekFormat.format(new Date(`${week}T00:00:00Z`));
}

const shortWeekFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeZone: 'UTC',
});

/** "23 Nov 2026": the same, short enough for a table row on a phone. */
export function formatWeekShort(week: string): string {
  return shortWeekFormat.format(new Date(`${week}T00:00:00Z`));
}

/** A score as written in the history: whole numbers as they are, others to one decimal place. */
export function formatScore(score: number): string {
  return Number.isInteger(score) ? String(score) : score.toFixed(1);
}
