import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { PARTNER_VISIBILITIES, THERAPIST_VISIBILITIES } from '#shared/visibility.ts';
import { visibilityIn } from '#server/db/schema/item-columns.ts';

/**
 * The SQL side of the visibility vocabulary (`src/shared/visibility.ts`): which rows a value
 * widens to, and how a share changes it. Features never write these values into SQL themselves.
 */

/**
 * The item is shared with the partner (whatever the therapist may read). Literal values, as in
 * the partial indexes on shared rows (`visibilityIn`), so a plan can use those indexes.
 */
export const sharedWithPartnerSql = (visibility: SQLWrapper): SQL =>
  visibilityIn(visibility, PARTNER_VISIBILITIES);

/** The item is shared with the couple's therapist (whatever the partner may read). */
export const sharedWithTherapistSql = (visibility: SQLWrapper): SQL =>
  visibilityIn(visibility, THERAPIST_VISIBILITIES);

/**
 * New visibilities as SQL on the current one, so sharing with one audience never drops the
 * other: sharing with the partner keeps a therapist share, and the reverse.
 */
export const visibilityChange = {
  addPartner: (v: AnyPgColumn): SQL =>
    sql`case when ${sharedWithTherapistSql(v)} then 'partner+therapist' else 'partner' end`,
  removePartner: (v: AnyPgColumn): SQL =>
    sql`case when ${sharedWithTherapistSql(v)} then 'therapist' else 'private' end`,
  addTherapist: (v: AnyPgColumn): SQL =>
    sql`case when ${sharedWithPartnerSql(v)} then 'partner+therapist' else 'therapist' end`,
  removeTherapist: (v: AnyPgColumn): SQL =>
    sql`case when ${sharedWithPartnerSql(v)} then 'partner' else 'private' end`,
} as const;
