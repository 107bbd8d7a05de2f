import { and, sql } from 'drizzle-orm';
import { checkinRevisions, checkins } from '#server/db/schema/index.ts';
import { itemPart, partnerSharedNews, type FeatureManifest } from '#server/policy/manifest.ts';
import { ownItems } from '#server/policy/rules.ts';
import { sharedWithPartnerSql } from '#server/policy/visibility.ts';

/** The daily check-in, as the whole sees it: a shareable kind, news, two firsts, two queries. */
export const checkinsManifest: FeatureManifest = {
  name: 'checkins',
  tables: [checkins, checkinRevisions],
  shareable: [
    {
      kind: 'checkin',
      title: 'Daily check-in',
      table: checkins,
      therapist: true,
      comments: true,
      branch: ({ where, body }) => sql`select 'checkin'::text as kind, ${checkins.id} as id,
          ${checkins.authorId} as author_id, ${checkins.spaceId} as space_id,
          ${checkins.createdAt} as at, ${checkins.day}::text as day, null::text as title,
          ${checkins.therapistSharedAt} as therapist_shared_at,
          ${body(sql`json_build_object('feelings', ${checkins.feelings}, 'intensity', ${checkins.intensity},
            'pain', ${checkins.pain}, 'triggers', ${checkins.triggers}, 'needs', ${checkins.needs},
            'note', ${checkins.note})`)} as body
        from ${checkins}
        where ${where}`,
      accessDate: (actor, itemId) => sql`(select ${checkins.day}::text from ${checkins}
        where ${checkins.id} = ${itemId} and ${ownItems(actor, checkins)})`,
      present: (row) => ({
        title: row.title,
        parts: ['feelings', 'intensity', 'pain', 'triggers', 'needs', 'note'].map((k) =>
          itemPart(k, row.body?.[k]),
        ),
      }),
    },
  ],
  news: [partnerSharedNews('checkin', checkins)],
  milestones: [
    {
      key: 'first_checkin',
      couple: false,
      first: (actor) =>
        sql`select min(${checkins.createdAt}) from ${checkins} where ${ownItems(actor, checkins)}`,
    },
    {
      key: 'first_shared_checkin',
      couple: false,
      first: (actor) =>
        sql`select min(${checkins.sharedAt}) from ${checkins} where ${ownItems(actor, checkins)}`,
    },
  ],
  queries: {
    myCheckinOn: (actor, day) =>
      sql`(select json_build_object('id', ${checkins.id}, 'shared', ${sharedWithPartnerSql(checkins.visibility)})
        from ${checkins} where ${and(ownItems(actor, checkins), sql`${checkins.day} = ${day}::date`)})`,
    myCheckinWeeks: (actor, fromDay) =>
      sql`select to_char(date_trunc('week', ${checkins.day}::timestamp), 'YYYY-MM-DD') as week,
          count(*)::int as checkins,
          round(avg(${checkins.intensity}), 1)::float8 as intensity,
          round(avg(${checkins.pain}), 1)::float8 as pain
        from ${checkins}
        where ${ownItems(actor, checkins)} and ${checkins.day} >= ${fromDay}::date
        group by 1 order by 1`,
  },
  tests: { canary: 'checkins', authz: 'checkins' },
};
