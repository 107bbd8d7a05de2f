import { z } from 'zod';
import { ITEM_VISIBILITIES } from '../visibility';

export const ZId = z.uuid({ message: 'This id is not in the expected form.' });
export const ZIdParams = z.object({ id: ZId });
export const ZIsoDate = z.iso.datetime({ offset: true });

export const ZOk = z.object({ ok: z.literal(true) });
export type TOk = z.infer<typeof ZOk>;

export const ZErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
    current: z.unknown().optional(),
  }),
});

/**
 * Who may read an item (BRIEF §3). Only its author widens it, one item at a time. Sharing with
 * the partner and sharing with the couple's therapist are separate choices, so a request that
 * shares with the partner names only these two; the therapist share has its own request.
 */
export const ZVisibility = z.enum(['private', 'partner'], {
  message: 'Choose who can see this: only you, or you and your partner.',
});
export type TVisibility = z.infer<typeof ZVisibility>;

/** An item's full visibility as stored: who of partner and therapist may read it. */
export const ZItemVisibility = z.enum(ITEM_VISIBILITIES);
export type TItemVisibility = z.infer<typeof ZItemVisibility>;

export { sharesWithPartner, sharesWithTherapist } from '../visibility';

/** Share an item with the couple's therapist, or stop sharing it with them. */
export const ZTherapistShareBody = z.object({
  shared: z.boolean({ message: 'Say whether to share this with your therapist: true or false.' }),
});
export type TTherapistShareBody = z.infer<typeof ZTherapistShareBody>;

/** A version number for optimistic concurrency: the writer sends back the one they read. */
export const ZVersion = z.int().min(1, { message: 'This version number is not valid.' });
