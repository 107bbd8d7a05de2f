import { z } from 'zod';
import { ZId, ZIsoDate, ZPageCursor, text } from './common';

/**
 * Notifications (issue 12). An entry carries a kind, the actor's display name, a link of ids and
 * times: never content. The page builds its neutral words from kind + name.
 */
export const NOTIFICATION_KINDS = [
  'comment',
  'reply',
  'shared',
  'therapist',
  'reminder',
  'review',
  'hard_date',
] as const;
export const ZNotificationKind = z.enum(NOTIFICATION_KINDS);
export type TNotificationKind = z.infer<typeof ZNotificationKind>;

/** How many entries a page of the list holds. */
export const NOTIFICATION_PAGE_SIZE = 20;

export const ZNotification = z.object({
  id: ZId,
  kind: ZNotificationKind,
  /** The actor's display name; null when their account is gone. */
  actorName: text().nullable(),
  /** An app path made of ids. */
  link: text(),
  createdAt: ZIsoDate,
  read: z.boolean(),
});
export type TNotification = z.infer<typeof ZNotification>;

export const ZNotificationListQuery = z.object({ cursor: ZPageCursor.optional() });

export const ZNotificationList = z.object({
  notifications: z.array(ZNotification),
  /** The next (older) page's position, or null at the end. */
  next: text().nullable(),
  unread: z.number().int().min(0),
});
export type TNotificationList = z.infer<typeof ZNotificationList>;

export const ZUnread = z.object({ unread: z.number().int().min(0) });
export type TUnread = z.infer<typeof ZUnread>;

/** `email`: in the app and by email (a neutral email, held to the end of quiet hours). */
export const ZChannel = z.enum(['in_app', 'email', 'off'], {
  message: 'Choose “In the app”, “In the app and by email” or “Off”.',
});
export type TChannel = z.infer<typeof ZChannel>;

export const ZCommentWatchMode = z.enum(['all', 'replies', 'none'], {
  message: 'Choose every new comment, only replies to you, or nothing.',
});

/** Minutes after local midnight, 0–1439. */
const ZMinuteOfDay = z
  .number({ message: 'Please give a time of day.' })
  .int('Please give a time of day.')
  .min(0, 'Please give a time of day.')
  .max(1439, 'Please give a time of day.');

/** An IANA time zone name (`Europe/Berlin`); checked against the server's list. */
export const ZTimeZone = text({ message: 'Please choose a time zone.' })
  .max(64, 'Please choose a time zone from the list.')
  .regex(/^[A-Za-z][A-Za-z0-9_+\-/]*$/, 'Please choose a time zone from the list.');

export const ZNotificationPreferencesBody = z
  .object({
    channels: z.object({
      comment: ZChannel,
      reply: ZChannel,
      shared: ZChannel,
      therapist: ZChannel,
      reminder: ZChannel.optional().default('in_app'),
      /** An agreement's review day has come (issue 15); optional for older clients. */
      review: ZChannel.default('in_app'),
      hard_date: ZChannel.optional().default('in_app'),
    }),
    quietHours: z.object({ start: ZMinuteOfDay, end: ZMinuteOfDay }).nullable(),
    timeZone: ZTimeZone.nullable(),
    commentDefault: ZCommentWatchMode,
  })
  .superRefine((value, ctx) => {
    if (value.quietHours && value.quietHours.start === value.quietHours.end) {
      ctx.addIssue({
        code: 'custom',
        path: ['quietHours', 'end'],
        message: 'Quiet hours need an end that differs from their start.',
      });
    }
  });
export type TNotificationPreferencesBody = z.infer<typeof ZNotificationPreferencesBody>;

export const ZNotificationPreferences = z.object({
  preferences: ZNotificationPreferencesBody,
  version: z.number().int().min(0),
});
export type TNotificationPreferences = z.infer<typeof ZNotificationPreferences>;
