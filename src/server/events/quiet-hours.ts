/**
 * Quiet hours (issue 12): minutes after local midnight in the person's time zone. Only what
 * reaches outside the app (email) waits for them to end; in-app notifications never wait.
 */
export interface QuietHours {
  start: number;
  end: number;
  /** An IANA zone; UTC when the person has none. */
  timeZone: string | null;
}

const DAY = 24 * 60;

/** Minutes after local midnight at `now` in `zone` (UTC for an unknown zone). */
export function localMinutes(now: Date, zone: string | null): number {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone ?? 'UTC',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(now);
  } catch {
    return now.getUTCHours() * 60 + now.getUTCMinutes();
  }
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  const minute = Number(parts.find((p) => p.type === 'minute')?.value ?? 0);
  return hour * 60 + minute;
}

/**
 * When something sent at `now` may go out: `now` outside quiet hours, otherwise their end (to
 * the minute; a daylight-saving change inside the quiet hours moves it by that hour at most).
 * Quiet hours may run over midnight (22:00–07:00).
 */
export function quietUntil(now: Date, quiet: QuietHours | null): Date {
  if (!quiet || quiet.start === quiet.end) return now;
  const at = localMinutes(now, quiet.timeZone);
  const inside =
    quiet.start < quiet.end
      ? at >= quiet.start && at < quiet.end
      : at >= quiet.start || at < quiet.end;
  if (!inside) return now;
  const wait = (quiet.end - at + DAY) % DAY;
  const end = new Date(now.getTime() + wait * 60_000);
  end.setSeconds(0, 0);
  return end;
}
