import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '#server/db/index.ts';
import { notificationPreferences } from '#server/db/schema/index.ts';

/**
 * Local times for reminders (issue 14, item 6): a reminder "on a day" is sent at a minute of
 * that day in the person's own time zone (from their notification preferences; UTC without
 * one). Quiet hours are the notify core's business: an email that would land in them waits.
 */

/** The UTC offset of `zone` at `instant`, in minutes (UTC for an unknown zone). */
function offsetMinutes(instant: Date, zone: string | null): number {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone ?? 'UTC',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(instant);
  } catch {
    return 0;
  }
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  const whole = Math.floor(instant.getTime() / 60_000) * 60_000;
  return Math.round((local - whole) / 60_000);
}

/**
 * The instant that is `minute` minutes after midnight of `day` (YYYY-MM-DD) in `zone`. On a
 * daylight-saving change the hour that does not exist moves on by the change.
 */
export function atLocalTime(day: string, minute: number, zone: string | null): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, 0, minute);
  // Two rounds settle the offset on either side of a change.
  let guess = wall - offsetMinutes(new Date(wall), zone) * 60_000;
  guess = wall - offsetMinutes(new Date(guess), zone) * 60_000;
  return new Date(guess);
}

/** Each person's time zone from their notification preferences (null when they set none). */
export async function timeZonesOf(
  db: DbOrTx,
  userIds: readonly string[],
): Promise<Map<string, string | null>> {
  const zones = new Map<string, string | null>(userIds.map((id) => [id, null]));
  if (userIds.length === 0) return zones;
  const rows = await db
    .select({ userId: notificationPreferences.userId, zone: notificationPreferences.timeZone })
    .from(notificationPreferences)
    .where(inArray(notificationPreferences.userId, [...userIds]));
  for (const row of rows) zones.set(row.userId, row.zone);
  return zones;
}

/** Today's date (YYYY-MM-DD) where the person lives, at `now` (UTC for an unknown zone). */
export function localDay(now: Date, zone: string | null): string {
  try {
    // en-CA writes a date as YYYY-MM-DD.
    return new Intl.DateTimeFormat('en-CA', {
      timeZone: zone ?? 'UTC',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}
