import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { PARTNER_VISIBILITIES, THERAPIST_VISIBILITIES } from '../../shared/visibility';

/**
 * The SQL side of the visibility vocabulary (`src/shared/visibility.ts`): which rows a value
 * widens to, and how a share changes it. Features never write these values into SQL themselves.
 */

/**
 * Written as literals, not parameters: the partial indexes on shared rows carry exactly this
 * condition, and a plan can only use such an index when the condition is in the SQL text.
 */
const literalList = (values: readonly string[]) =>
  sql.raw(values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', '));

const PARTNER_LIST = literalList(PARTNER_VISIBILITIES);
const THERAPIST_LIST = literalList(THERAPIST_VISIBILITIES);

/** The item is shared with the partner (whatever the therapist may read). */
export const sharedWithPartnerSql = (visibility: SQLWrapper): SQL =>
  sql`${visibility} in (${PARTNER_LIST})`;

/** The item is shared with the couple's therapist (whatever the partner may read). */
export const sharedWithTherapistSql = (visibility: SQLWrapper): SQL =>
  sql`${visibility} in (${THERAPIST_LIST})`;

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
