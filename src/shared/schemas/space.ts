import { z } from 'zod';
import { ZId, ZIsoDate } from './common';

export const ZPartner = z.object({
  displayName: z.string(),
  joinedAt: ZIsoDate,
});

export const ZSpace = z.object({
  id: ZId,
  createdAt: ZIsoDate,
  /** When I joined this space. */
  joinedAt: ZIsoDate,
  partner: ZPartner.nullable(),
});
export type TSpace = z.infer<typeof ZSpace>;

/** `space: null` means I am not in a space yet. */
export const ZSpaceResponse = z.object({ space: ZSpace.nullable() });
export type TSpaceResponse = z.infer<typeof ZSpaceResponse>;

/**
 * `GET /api/space`: my space, and whether the two of us have an active therapist (invited, and
 * approved by both), so the app offers "share with our therapist" only then.
 */
export const ZSpaceState = ZSpaceResponse.extend({ therapist: z.boolean() });
export type TSpaceState = z.infer<typeof ZSpaceState>;
