import { and, desc, eq, gt } from 'drizzle-orm';
import type { DbOrTx } from '#server/db/index.ts';
import { securityEvents } from '#server/db/schema/index.ts';

/**
 * What the person's "recent activity" lists: sign-ins and changes to the account. The kinds are
 * fixed words the web app translates; two-step sign-in adds its own (e.g. 'totp-enabled').
 */
export type SecurityEventKind =
  | 'sign-in'
  | 'password-changed'
  | 'password-reset'
  | 'email-change-requested'
  | 'email-changed'
  | 'email-verified'
  | 'name-changed'
  | 'signed-out-everywhere'
  | (string & {});

export async function recordSecurityEvent(
  db: DbOrTx,
  event: { userId: string; kind: SecurityEventKind; device: string; at?: Date },
): Promise<{ id: string; at: Date }> {
  const [row] = await db
    .insert(securityEvents)
    .values({
      userId: event.userId,
      kind: event.kind,
      device: event.device,
      at: event.at ?? new Date(),
    })
    .returning({ id: securityEvents.id, at: securityEvents.at });
  return row!;
}

/** How far back a device counts as "seen before" for the new-sign-in email. */
const SEEN_WINDOW_MS = 90 * 24 * 3_600_000;

/**
 * True when the person has signed in before, but not from a device with this label lately:
 * then the sign-in is worth an email. (The first sign-in after sign-up is not.)
 */
export async function isNewDevice(
  db: DbOrTx,
  userId: string,
  device: string,
  now = new Date(),
): Promise<boolean> {
  const recent = await db
    .select({ device: securityEvents.device })
    .from(securityEvents)
    .where(
      and(
        eq(securityEvents.userId, userId),
        eq(securityEvents.kind, 'sign-in'),
        gt(securityEvents.at, new Date(now.getTime() - SEEN_WINDOW_MS)),
      ),
    )
    .orderBy(desc(securityEvents.at))
    .limit(200);
  if (recent.length === 0) return false;
  return !recent.some((row) => row.device === device);
}
