import { z } from 'zod';
import { ZId, text, ZPageCursor } from './common';

/**
 * Messages between a couple and their therapist. Each therapist link has a couple thread ("all
 * three of us") and one private thread per partner ("just me and the therapist").
 */
export const MESSAGE_BODY_MAX = 4000;
/** How many messages of a thread come at once; older ones are fetched page by page. */
export const MESSAGE_PAGE_SIZE = 50;

export const ZMessageText = text({ message: 'Please write your message as plain text.' })
  .trim()
  .min(1, 'Please write something before sending.')
  .max(
    MESSAGE_BODY_MAX,
    `Please keep a message to ${MESSAGE_BODY_MAX.toLocaleString('en')} characters or fewer. You can send the rest in a second message.`,
  );

export const ZThread = z.enum(['couple', 'private'], {
  message: 'Choose where to send this: to all three of you, or privately.',
});
export type TThread = z.infer<typeof ZThread>;

/** A partner writes in the couple thread or in their own private thread with the therapist. */
export const ZPartnerMessageBody = z.object({
  linkId: ZId,
  thread: ZThread,
  body: ZMessageText,
});
export type TPartnerMessageBody = z.infer<typeof ZPartnerMessageBody>;

/** The therapist writes in the couple thread, or privately to one partner (`partnerId`). */
export const ZTherapistMessageBody = z
  .object({
    thread: ZThread,
    partnerId: ZId.optional(),
    body: ZMessageText,
  })
  .superRefine((value, ctx) => {
    if (value.thread === 'private' && value.partnerId === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['partnerId'],
        message: 'Choose which partner this private message is for.',
      });
    }
    if (value.thread === 'couple' && value.partnerId !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['partnerId'],
        message: 'A message to all three of you is not for one partner. Leave the partner out.',
      });
    }
  });
export type TTherapistMessageBody = z.infer<typeof ZTherapistMessageBody>;

export const ZLinkParams = z.object({ linkId: ZId });

/** Older messages of one thread: the couple thread, or a private one (therapists name the partner). */
export const ZOlderQuery = z.object({
  linkId: ZId,
  thread: ZThread,
  partnerId: ZId.optional(),
  before: ZPageCursor,
});
export type TOlderQuery = z.infer<typeof ZOlderQuery>;

export const ZMessage = z.object({
  id: ZId,
  /** True when I wrote it. */
  mine: z.boolean(),
  authorName: text(),
  authorRole: z.enum(['therapist', 'partner']),
  at: text(),
  body: text(),
});
export type TMessage = z.infer<typeof ZMessage>;

/** One thread, oldest first; `olderCursor` fetches the page before it (null at the beginning). */
export const ZThreadView = z.object({
  messages: z.array(ZMessage),
  olderCursor: text().nullable(),
});
export type TThreadView = z.infer<typeof ZThreadView>;

/**
 * How a link stands for writing: `active` (both approved, messages open), `waiting` (not every
 * partner has approved yet) or `ended` (a partner ended it; the history stays readable).
 */
export const ZLinkState = z.enum(['active', 'waiting', 'ended']);
export type TLinkState = z.infer<typeof ZLinkState>;

/** A partner's view of one therapist: the couple thread and my own private thread, never another's. */
export const ZPartnerConversation = z.object({
  linkId: ZId,
  therapistName: text(),
  practiceName: text(),
  state: ZLinkState,
  couple: ZThreadView,
  mine: ZThreadView,
});
export type TPartnerConversation = z.infer<typeof ZPartnerConversation>;

export const ZPartnerMessagesResponse = z.object({
  conversations: z.array(ZPartnerConversation),
});
export type TPartnerMessagesResponse = z.infer<typeof ZPartnerMessagesResponse>;

/** The therapist's view of one couple: the couple thread and each current partner's private thread. */
export const ZTherapistConversation = z.object({
  linkId: ZId,
  partners: z.array(z.object({ id: ZId, name: text() })),
  couple: ZThreadView,
  private: z.array(z.object({ partnerId: ZId, partnerName: text(), thread: ZThreadView })),
});
export type TTherapistConversation = z.infer<typeof ZTherapistConversation>;

export const ZMessageResponse = z.object({ message: ZMessage });
export type TMessageResponse = z.infer<typeof ZMessageResponse>;
