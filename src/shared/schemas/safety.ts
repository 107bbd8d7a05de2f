import { z } from 'zod';
import { text } from './common';

/** A region of the resources file: a country code (GB, US…), EU, or INTL for anywhere else. */
export const ZRegionId = text()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2,4}$/, { message: 'Choose a region from the list.' });

export const ZServiceKind = z.enum(['emergency', 'crisis', 'domestic-abuse', 'support']);

export const ZServiceContact = z.object({
  type: z.enum(['phone', 'text', 'tty', 'web']),
  value: text().min(1).max(200),
});

export const ZSupportService = z.object({
  name: text().min(1).max(120),
  kind: ZServiceKind,
  contacts: z.array(ZServiceContact).max(6),
  about: text().min(1).max(400),
  /** The date this entry was last checked against its source (YYYY-MM-DD). */
  verified: z.iso.date(),
  source: z.url(),
});
export type TSupportService = z.infer<typeof ZSupportService>;

export const ZResourcesQuery = z.object({ region: ZRegionId.optional() });

export const ZResourcesResponse = z.object({
  region: z.object({ id: text(), name: text() }),
  regions: z.array(z.object({ id: text(), name: text() })),
  services: z.array(ZSupportService),
});
export type TResourcesResponse = z.infer<typeof ZResourcesResponse>;

/**
 * What a person may know about safety in their space: whether *they* have paused shared
 * exercises, whether shared exercises are open, and their region. Never anything of the partner's.
 */
export const ZSafetyState = z.object({
  /** Whether I am in a space at all: without one there are no shared exercises to pause. */
  inSpace: z.boolean(),
  pausedByMe: z.boolean(),
  jointWork: z.enum(['open', 'paused']),
  region: ZRegionId.nullable(),
  /** The browser tab says "Notes" with a plain icon. */
  neutralTab: z.boolean(),
});
export type TSafetyState = z.infer<typeof ZSafetyState>;

export const ZRegionUpdate = z.object({ region: ZRegionId.nullable() });

export const ZTabUpdate = z.object({
  neutral: z.boolean({ message: 'Choose on or off.' }),
});
