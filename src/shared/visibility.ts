/**
 * The visibility vocabulary (BRIEF §3), defined once. An item is private to its author until the
 * author widens it to the partner, to the couple's therapist, or to both; the two audiences are
 * separate choices, so widening to one never drops the other.
 *
 * The values live here so both sides read the same words; the SQL that selects rows by them is
 * `src/server/policy/visibility.ts`, and the CHECK every item table carries is built from
 * `ITEM_VISIBILITIES` by `itemColumns` in `src/server/db/schema/item-columns.ts`.
 */
export const ITEM_VISIBILITIES = ['private', 'partner', 'therapist', 'partner+therapist'] as const;
export type ItemVisibility = (typeof ITEM_VISIBILITIES)[number];

/** The values that let the current partner read an item. */
export const PARTNER_VISIBILITIES = [
  'partner',
  'partner+therapist',
] as const satisfies readonly ItemVisibility[];
/** The values that let the couple's active therapist read an item. */
export const THERAPIST_VISIBILITIES = [
  'therapist',
  'partner+therapist',
] as const satisfies readonly ItemVisibility[];

export const sharesWithPartner = (v: string): boolean =>
  (PARTNER_VISIBILITIES as readonly string[]).includes(v);
export const sharesWithTherapist = (v: string): boolean =>
  (THERAPIST_VISIBILITIES as readonly string[]).includes(v);

/** The visibility with each audience set as given: the one place that combines the two. */
export function visibilityFor(audience: { partner: boolean; therapist: boolean }): ItemVisibility {
  if (audience.partner) return audience.therapist ? 'partner+therapist' : 'partner';
  return audience.therapist ? 'therapist' : 'private';
}

/** Which audiences a visibility widens to. */
export const audienceOf = (v: string) => ({
  partner: sharesWithPartner(v),
  therapist: sharesWithTherapist(v),
});
