import { z } from 'zod';
import { ZId, ZIsoDate, text } from './common';

/**
 * The forgiveness reflection (docs/features/forgiveness.md): the hurt partner's private, guided
 * reflection, and written pieces they may choose to share. There is no score, scale or status
 * anywhere in these schemas, on purpose.
 */

export const FORGIVENESS_TEXT_MAX = 8000;
export const FORGIVENESS_PROMPTS = [
  'whereIAm',
  'wouldMean',
  'wouldNotMean',
  'whatINeed',
  'toShare',
] as const;
export type ForgivenessPrompt = (typeof FORGIVENESS_PROMPTS)[number];

function reflectionText(what: string) {
  return text({ message: `Please write ${what} as text.` }).max(
    FORGIVENESS_TEXT_MAX,
    `Please keep ${what} to ${FORGIVENESS_TEXT_MAX.toLocaleString('en')} characters or fewer.`,
  );
}

function strict<Shape extends z.ZodRawShape>(shape: Shape, place: string) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `${place} has no field called ${issue.keys.map((k) => `"${k}"`).join(', ')}.`
        : undefined,
  });
}

export const ZForgivenessBody = strict(
  {
    whereIAm: reflectionText('where you are'),
    wouldMean: reflectionText('what forgiving would mean'),
    wouldNotMean: reflectionText('what it would not mean'),
    whatINeed: reflectionText('what you need'),
    toShare: reflectionText('the words you might share'),
  },
  'A reflection',
);
export type TForgivenessBody = z.infer<typeof ZForgivenessBody>;

export const ZForgivenessReflection = ZForgivenessBody.extend({
  version: z.int().min(0),
  savedAt: ZIsoDate.nullable(),
});
export type TForgivenessReflection = z.infer<typeof ZForgivenessReflection>;

export const ZForgivenessShareBody = strict(
  {
    body: reflectionText('your reflection')
      .trim()
      .min(1, 'Please write the words you want to share first.'),
  },
  'A shared reflection',
);
export type TForgivenessShareBody = z.infer<typeof ZForgivenessShareBody>;

export const ZForgivenessShare = z.object({
  id: ZId,
  body: text(),
  /** When it was shared; null after the writer took it back (then only they see it). */
  sharedAt: ZIsoDate.nullable(),
  writtenAt: ZIsoDate,
});
export type TForgivenessShare = z.infer<typeof ZForgivenessShare>;

export const ZForgivenessView = z.object({
  /** Do I hold the hurt role in an injury of this space (so this reflection is for me)? */
  forMe: z.boolean(),
  /** Could I share now: a partner is here, the pace has reached this phase, joint work is open. */
  sharingOpen: z.boolean(),
  /** My own reflection (null until first saved; the version is 0 then). */
  reflection: ZForgivenessReflection,
  mine: z.array(ZForgivenessShare),
  fromPartner: z.array(ZForgivenessShare),
});
export type TForgivenessView = z.infer<typeof ZForgivenessView>;
