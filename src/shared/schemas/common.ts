import { z } from 'zod';

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
 * Who may read an item (BRIEF §3). Only its author widens it, one item at a time. Therapist
 * visibilities arrive with therapist accounts; until then an item is private or shared with the partner.
 */
export const ZVisibility = z.enum(['private', 'partner'], {
  message: 'Choose who can see this: only you, or you and your partner.',
});
export type TVisibility = z.infer<typeof ZVisibility>;

/** A version number for optimistic concurrency: the writer sends back the one they read. */
export const ZVersion = z.int().min(1, { message: 'This version number is not valid.' });
