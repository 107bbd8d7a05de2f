import { z } from 'zod';

/**
 * The format of a measure definition (`content/measures/<id>.yaml`), checked with zod when the
 * server starts. docs/measures.md describes it for the clinicians and operators who write one.
 *
 * A file that parses is then compiled: every item gets its resolved scale and range, and every
 * score (the total and each subscale) gets the lowest and highest value it can take, which the
 * band checks below rely on.
 */

const SLUG = /^[a-z][a-z0-9-]{0,47}$/;
const ZSlug = z
  .string()
  .regex(SLUG, 'use lower-case letters, digits and hyphens, starting with a letter (48 at most)');

const ZText = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be ${max} characters or fewer`);

/**
 * Words that judge or label a person. Band words are shown to the person exactly as written, so
 * they describe a week, gently; they never grade the person.
 */
const HARSH_WORDS =
  /\b(severe|severely|extreme|fail|fails|failed|failing|failure|abnormal|disorder|disordered|pathological|dysfunctional|bad|poor|worst|critical)\b/i;

const ZCalmText = (max: number) =>
  ZText(max).refine((text) => !HARSH_WORDS.test(text), {
    message:
      'is shown to the person as it is; please use calm words that describe the week, not a grade (words such as "severe" or "failing" are refused)',
  });

const ZOption = z.strictObject({
  value: z.int('must be a whole number').min(-100).max(100),
  label: ZText(80),
});

const ZScale = z
  .array(ZOption)
  .min(2, 'needs at least two options')
  .max(11, 'may have at most eleven options')
  .superRefine((options, ctx) => {
    for (let i = 1; i < options.length; i++) {
      if (options[i]!.value <= options[i - 1]!.value) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'value'],
          message: 'values must go up from the first option to the last, each one different',
        });
      }
    }
  });

const ZAlert = z.union(
  [z.strictObject({ atOrAbove: z.int() }), z.strictObject({ atOrBelow: z.int() })],
  { error: 'must be { atOrAbove: <value> } or { atOrBelow: <value> }' },
);

const ZItem = z.strictObject({
  id: ZSlug,
  text: ZText(300),
  /** Scored the other way round: the lowest option counts as the highest. */
  reverse: z.boolean().default(false),
  /** This item's own options; without it the measure's `scale` applies. */
  scale: ZScale.optional(),
  /** An answer at or beyond this value shows the support panel (never blocks anything). */
  alert: ZAlert.optional(),
});

const ZBand = z.strictObject({
  id: ZSlug,
  /** The band holds scores from here up to the next band's `from`; the last one to the maximum. */
  from: z.number().finite(),
  label: ZCalmText(60),
  description: ZCalmText(400).optional(),
});

const scorerFields = {
  scoring: z.enum(['sum', 'mean'], { error: 'must be sum or mean' }),
  /** How many of its items may be skipped while still giving a score (prorated). */
  allowMissing: z.int().min(0).default(0),
  /** For charts: does a higher score mean an easier time ("better") or a harder one ("harder")? */
  higherMeans: z.enum(['better', 'harder'], { error: 'must be better or harder' }),
};

const ZSubscale = z.strictObject({
  id: ZSlug,
  title: ZText(80),
  items: z.array(ZSlug).min(1, 'must list at least one item'),
  bands: z.array(ZBand).min(1).max(10).optional(),
  ...scorerFields,
});

const ZTotal = z.strictObject({
  title: ZText(80).optional(),
  /** Which items count; every item when left out. */
  items: z.array(ZSlug).min(1, 'must list at least one item').optional(),
  bands: z.array(ZBand).min(1, 'needs at least one band').max(10),
  ...scorerFields,
});

export const ZMeasureFile = z.strictObject({
  id: ZSlug,
  version: z.int('must be a whole number').min(1),
  title: ZText(80),
  intro: ZText(1000),
  cadence: z.enum(['weekly', 'fortnightly', 'monthly'], {
    error: 'must be weekly, fortnightly or monthly',
  }),
  /** Where an instrument comes from and under what licence; shown under the questions. */
  source: ZText(400).optional(),
  /** The options every item uses unless it has its own. */
  scale: ZScale.optional(),
  items: z.array(ZItem).min(1, 'needs at least one item').max(60),
  subscales: z.array(ZSubscale).max(10).default([]),
  total: ZTotal,
});
export type TMeasureFile = z.infer<typeof ZMeasureFile>;

// ---------------------------------------------------------------------------
// The compiled form the scoring module and the API use
// ---------------------------------------------------------------------------

export interface Option {
  value: number;
  label: string;
}

export type Alert = { atOrAbove: number } | { atOrBelow: number };

export interface Item {
  id: string;
  text: string;
  reverse: boolean;
  options: Option[];
  /** The lowest and highest value on this item's scale. */
  min: number;
  max: number;
  alert: Alert | undefined;
}

export interface Band {
  id: string;
  from: number;
  label: string;
  description: string | undefined;
}

export interface Scorer {
  /** `total`, or the subscale's id. */
  id: string;
  title: string;
  items: Item[];
  scoring: 'sum' | 'mean';
  allowMissing: number;
  higherMeans: 'better' | 'harder';
  bands: Band[];
  /** The lowest and highest score this can take, rounded as scores are. */
  min: number;
  max: number;
}

export type Cadence = 'weekly' | 'fortnightly' | 'monthly';

export interface MeasureDefinition {
  id: string;
  version: number;
  title: string;
  intro: string;
  cadence: Cadence;
  source: string | undefined;
  items: Item[];
  itemsById: ReadonlyMap<string, Item>;
  subscales: Scorer[];
  total: Scorer;
}

/** How many weeks one "round" of a cadence lasts. */
export const CADENCE_WEEKS: Record<Cadence, number> = { weekly: 1, fortnightly: 2, monthly: 4 };

/** Scores are kept to two decimal places, so a mean of 7 answers reads as 2.43, not 2.428571…. */
export function roundScore(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The range of a score over `items`: a sum runs from Σ min to Σ max, a mean from their averages. */
export function scoreRange(items: Item[], scoring: 'sum' | 'mean'): { min: number; max: number } {
  const min = items.reduce((total, item) => total + item.min, 0);
  const max = items.reduce((total, item) => total + item.max, 0);
  const divisor = scoring === 'mean' ? items.length : 1;
  return { min: roundScore(min / divisor), max: roundScore(max / divisor) };
}

export interface DefinitionProblem {
  /** Where in the file, dot-joined (`items.3.scale`); empty for the file as a whole. */
  path: string;
  message: string;
}

type Issue = DefinitionProblem;

function checkBands(bands: Band[], range: { min: number; max: number }, at: string): Issue[] {
  const issues: Issue[] = [];
  const ids = new Set<string>();
  bands.forEach((band, i) => {
    if (ids.has(band.id)) issues.push({ path: `${at}.${i}.id`, message: `repeats "${band.id}"` });
    ids.add(band.id);
  });
  const first = bands[0];
  if (first && first.from !== range.min) {
    issues.push({
      path: `${at}.0.from`,
      message: `the first band must start at the lowest possible score, ${range.min}, so no score is left without words`,
    });
  }
  for (let i = 1; i < bands.length; i++) {
    if (bands[i]!.from <= bands[i - 1]!.from) {
      issues.push({
        path: `${at}.${i}.from`,
        message: 'each band must start above the one before it',
      });
    }
  }
  bands.forEach((band, i) => {
    if (band.from > range.max) {
      issues.push({
        path: `${at}.${i}.from`,
        message: `starts above the highest possible score, ${range.max}, so it could never be reached`,
      });
    }
  });
  return issues;
}

/**
 * Turns a file that matched `ZMeasureFile` into a definition, or lists every problem that zod
 * alone cannot see: unknown item ids, missing scales, alert values off the scale, bands that do
 * not cover the whole range.
 */
export function compileDefinition(
  file: TMeasureFile,
): { ok: true; definition: MeasureDefinition } | { ok: false; problems: Issue[] } {
  const issues: Issue[] = [];
  const itemsById = new Map<string, Item>();

  file.items.forEach((raw, i) => {
    if (itemsById.has(raw.id)) {
      issues.push({ path: `items.${i}.id`, message: `repeats "${raw.id}"; item ids must differ` });
      return;
    }
    const options = raw.scale ?? file.scale;
    if (!options) {
      issues.push({
        path: `items.${i}.scale`,
        message: 'this item has no options: give it a scale, or give the measure a scale',
      });
      return;
    }
    const values = options.map((option) => option.value);
    const item: Item = {
      id: raw.id,
      text: raw.text,
      reverse: raw.reverse,
      options,
      min: Math.min(...values),
      max: Math.max(...values),
      alert: raw.alert,
    };
    if (raw.alert) {
      const threshold = 'atOrAbove' in raw.alert ? raw.alert.atOrAbove : raw.alert.atOrBelow;
      if (!values.includes(threshold)) {
        issues.push({
          path: `items.${i}.alert`,
          message: `${threshold} is not one of this item's values (${values.join(', ')})`,
        });
      }
    }
    itemsById.set(raw.id, item);
  });

  const resolveItems = (ids: string[], at: string): Item[] => {
    const seen = new Set<string>();
    const resolved: Item[] = [];
    ids.forEach((id, i) => {
      const item = itemsById.get(id);
      if (seen.has(id)) {
        issues.push({ path: `${at}.${i}`, message: `lists "${id}" twice` });
      } else if (!item) {
        issues.push({ path: `${at}.${i}`, message: `"${id}" is not an item of this measure` });
      } else {
        resolved.push(item);
      }
      seen.add(id);
    });
    return resolved;
  };

  const compileScorer = (
    raw: TMeasureFile['total'] | TMeasureFile['subscales'][number],
    id: string,
    title: string,
    at: string,
  ): Scorer => {
    const items = resolveItems(raw.items ?? [...itemsById.keys()], `${at}.items`);
    if (items.length > 0 && raw.allowMissing >= items.length) {
      issues.push({
        path: `${at}.allowMissing`,
        message: `must be less than the number of items (${items.length}), so at least one answer stands behind a score`,
      });
    }
    const range = scoreRange(items, raw.scoring);
    const bands: Band[] = (raw.bands ?? []).map((band) => ({
      id: band.id,
      from: band.from,
      label: band.label,
      description: band.description,
    }));
    if (items.length > 0) issues.push(...checkBands(bands, range, `${at}.bands`));
    return {
      id,
      title,
      items,
      scoring: raw.scoring,
      allowMissing: raw.allowMissing,
      higherMeans: raw.higherMeans,
      bands,
      ...range,
    };
  };

  const subscaleIds = new Set<string>();
  const subscales = file.subscales.map((raw, i) => {
    if (raw.id === 'total' || subscaleIds.has(raw.id)) {
      issues.push({
        path: `subscales.${i}.id`,
        message: `"${raw.id}" is already taken; subscale ids must differ and not be "total"`,
      });
    }
    subscaleIds.add(raw.id);
    return compileScorer(raw, raw.id, raw.title, `subscales.${i}`);
  });
  const total = compileScorer(file.total, 'total', file.total.title ?? file.title, 'total');

  if (issues.length > 0) return { ok: false, problems: issues };
  return {
    ok: true,
    definition: {
      id: file.id,
      version: file.version,
      title: file.title,
      intro: file.intro,
      cadence: file.cadence,
      source: file.source,
      items: [...itemsById.values()],
      itemsById,
      subscales,
      total,
    },
  };
}
