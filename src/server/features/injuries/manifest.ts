import { and, asc, sql } from 'drizzle-orm';
import { injuries, injuryChanges, injuryNotes } from '#server/db/schema/index.ts';
import type { FeatureManifest } from '#server/policy/manifest.ts';
import { ownItems, partnerRows, spaceRows } from '#server/policy/rules.ts';
import { injuriesExportPart } from './export-part';

/** The couple's named injuries, as the whole sees them. */
export const injuriesManifest: FeatureManifest = {
  exportPart: injuriesExportPart,
  name: 'injuries',
  tables: [injuries, injuryNotes, injuryChanges],
  news: [
    {
      // Injuries my partner named that wait for me to confirm.
      kind: 'injury',
      count: (actor, { since }) => sql`select 'injury'::text as kind, count(*)::int as n,
          max(${injuries.proposedAt}) as latest
        from ${injuries}
        where ${spaceRows(actor, injuries.spaceId)} and ${partnerRows(actor, injuries.proposedBy)}
          and ${injuries.confirmedAt} is null and ${injuries.archivedAt} is null
          and ${injuries.proposedAt} > ${since}`,
    },
  ],
  milestones: [
    {
      key: 'roles_confirmed',
      couple: true,
      first: (actor, after) => sql`select min(${injuries.confirmedAt}) from ${injuries}
          where ${spaceRows(actor, injuries.spaceId)} and ${injuries.confirmedAt} >= ${after}::timestamptz`,
    },
  ],
  queries: {
    myInjuryNotes: async (db, actor) => {
      const rows = await db
        .select({ id: injuryNotes.id, note: injuryNotes.body, at: injuryNotes.createdAt })
        .from(injuryNotes)
        .where(
          and(ownItems(actor, { authorId: injuryNotes.authorId }), sql`${injuryNotes.body} <> ''`),
        )
        .orderBy(asc(injuryNotes.createdAt));
      return rows.map((r) => ({ id: r.id, note: r.note, at: r.at.toISOString() }));
    },
  },
  tests: { canary: 'injuries', authz: 'injuries' },
};
