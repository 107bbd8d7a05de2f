import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '#server/db/index.ts';
import { notificationPreferences } from '#server/db/schema/index.ts';

/**
 * Reminders at a person's own time of day: "09:00 on the 12th" means 09:00 where they live (the
 * time zone in their notification preferences; UTC when they chose none). Whether an email may
 * go out then is the notify core's business (quiet hours), not the caller's.
 */

/** How far `zone` is ahead of UTC at `instant`, in minutes (0 for an unknown zone). */
function zoneOffset(instant: Date, zone: string | null): number {
  let fields: Intl.DateTimeFormatPart[];
  try {
    fields = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone ?? 'UTC',
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    }).formatToParts(instant);
  } catch {
    return 0;
  }
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(fields.find((f) => f.type === type)?.value ?? 0);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
  const utcMinute = instant.getTime() - (instant.getTime() % 60_000);
  return Math.round((wall - utcMinute) / 60_000);
}

/**
 * The instant when the wall clock in `zone` shows `minute` minutes past midnight on `day`
 * (YYYY-MM-DD). A time skipped by a daylight-saving change lands just after the change.
 */
export function atLocalTime(day: string, minute: number, zone: string | null): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(year, month - 1, date, 0, minute);
  // The offset at the wall time read as UTC is close; one more round settles it near a change.
  const first = wall - zoneOffset(new Date(wall), zone) * 60_000;
  return new Date(wall - zoneOffset(new Date(first), zone) * 60_000);
}

/** Today's date (YYYY-MM-DD) where the person lives, at `now`. */
export function localDay(now: Date, zone: string | null): string {
  const shifted = new Date(now.getTime() + zoneOffset(now, zone) * 60_000);
  return shifted.toISOString().slice(0, 10);
}

/** Each person's time zone from their notification preferences (null when they chose none). */
export async function timeZonesOf(
  db: DbOrTx,
  userIds: readonly string[],
): Promise<Map<string, string | null>> {
  const zones = new Map<string, string | null>(userIds.map((id) => [id, null]));
  if (userIds.length === 0) return zones;
  const rows = await db
    .select({ userId: notificationPreferences.userId, zone: notificationPreferences.timeZone })
    .from(notificationPreferences)
    .where(inArray(notificationPreferences.userId, [...new Set(userIds)]));
  for (const row of rows) zones.set(row.userId, row.zone);
  return zones;
}
