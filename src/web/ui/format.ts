const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
});

/** "3 May 2026", in the person's own locale. */
export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

/** "3 May 2026, 14:05", in the person's own locale. */
export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

/** A calendar day (`YYYY-MM-DD`, a review or end date) as "3 May 2026", whatever the time zone. */
export function formatDay(day: string): string {
  return dateFormat.format(new Date(`${day}T12:00:00`));
}

const monthFormat = new Intl.DateTimeFormat(undefined, {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A month (`YYYY-MM`, or a day of it) as "March 2026", the same month wherever the reader is. */
export function formatMonth(month: string): string {
  const [year, index] = month.split('-').map(Number) as [number, number];
  return monthFormat.format(Date.UTC(year, index - 1, 1));
}
