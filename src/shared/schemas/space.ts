import { z } from 'zod';
import { ZId, ZIsoDate, text } from './common';

export const ZPartner = z.object({
  displayName: text(),
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
 * `GET /api/space/therapist`: whether the two of us have an active therapist (invited, and
 * approved by both), so the app offers "share with our therapist" only then. Its own route, so
 * `GET /api/space` stays the single session query every page pays for.
 */
export const ZSpaceTherapist = z.object({ therapist: z.boolean() });
export type TSpaceTherapist = z.infer<typeof ZSpaceTherapist>;
