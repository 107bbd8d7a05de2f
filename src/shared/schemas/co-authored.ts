import { z } from 'zod';
import { text, ZIsoDate } from './common';

/**
 * What every co-authored item answers with, whatever its sections (issue 11, item 2; the server
 * side is `src/server/policy/co-authored.ts`). A feature builds its own schemas from these with
 * its sections' schema, so versions, acceptance and comparisons look the same everywhere.
 */

/** Who wrote a version: the name as it was then, and whether it was the reader. */
export const ZCoAuthor = z.object({ name: text(), mine: z.boolean() });
export type TCoAuthor = z.infer<typeof ZCoAuthor>;

/**
 * "We both accept this exact version." Only acceptances of the item's version now count: a new
 * version ends them all, and either person may withdraw theirs.
 */
export const ZAcceptance = z.object({
  /** The version the acceptances below are about: the item's version now (0: nothing written). */
  version: z.int().min(0),
  mine: z.boolean(),
  partner: z.boolean(),
  /** Both people in the space accept this version. */
  both: z.boolean(),
});
export type TAcceptance = z.infer<typeof ZAcceptance>;

export const ZAcceptanceResponse = z.object({ acceptance: ZAcceptance });
export type TAcceptanceResponse = z.infer<typeof ZAcceptanceResponse>;

/** One version of an item, as saved: never changed afterwards. */
export function versionSchema<S extends z.ZodType>(sections: S) {
  return z.object({
    version: z.int().min(1),
    sections,
    createdAt: ZIsoDate,
    author: ZCoAuthor,
  });
}

/** A part of a word diff (`src/shared/word-diff.ts`). */
export const ZWordDiffPart = z.object({
  op: z.enum(['same', 'removed', 'added']),
  text: text(),
});
export type TWordDiffPart = z.infer<typeof ZWordDiffPart>;

const versionNumber = (side: string) =>
  z.coerce
    .number({ message: `Please name the ${side} version as a number.` })
    .int(`Please name the ${side} version as a whole number.`)
    .min(1, `Please name the ${side} version as a number from 1.`)
    .max(999_999_999, `Please name the ${side} version as a smaller number.`);

/** `?from=&to=`: the two versions to compare, in either order. */
export const ZCompareQuery = z.object({
  from: versionNumber('first'),
  to: versionNumber('second'),
});
export type TCompareQuery = z.infer<typeof ZCompareQuery>;

/** Two versions and, for each section, the word diff from the first to the second. */
export function compareSchema<S extends z.ZodObject>(sections: S) {
  const version = versionSchema(sections);
  return z.object({
    from: version,
    to: version,
    diff: z.record(
      z.enum(
        Object.keys(sections.shape) as [
          keyof z.infer<S> & string,
          ...(keyof z.infer<S> & string)[],
        ],
      ),
      z.array(ZWordDiffPart),
    ),
  });
}
