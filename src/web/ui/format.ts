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
