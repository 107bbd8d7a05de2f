import { sql } from 'drizzle-orm';
import { therapistLinks, therapistNotes, therapistSuggestions } from '#server/db/schema/index.ts';
import type { FeatureManifest } from '#server/policy/manifest.ts';
import { spaceRows, therapistLinkActiveSql } from '#server/policy/rules.ts';

/** The therapist's workspace (notes, suggestions), as the whole sees it. */
export const practiceManifest: FeatureManifest = {
  name: 'practice',
  tables: [therapistNotes, therapistSuggestions],
  news: [
    {
      // Exercises the couple's active therapist suggested since I last looked (from my joining).
      kind: 'therapist_suggestion',
      count: (
        actor,
        { mine },
      ) => sql`select 'therapist_suggestion'::text as kind, count(*)::int as n,
          max(${therapistSuggestions.createdAt}) as latest
        from ${therapistSuggestions}
        where ${spaceRows(actor, therapistSuggestions.spaceId)}
          and ${therapistSuggestions.withdrawnAt} is null and ${therapistSuggestions.createdAt} > ${mine}
          and exists (select 1 from ${therapistLinks}
            where ${therapistLinks.id} = ${therapistSuggestions.linkId} and ${therapistLinkActiveSql()})`,
    },
  ],
  queries: {
    exerciseSuggestions: (
      actor,
    ) => sql`coalesce((select json_agg(json_build_object('key', s.exercise_slug,
          'note', s.note, 'at', s.created_at) order by s.created_at, s.id)
        from ${therapistSuggestions} s where ${spaceRows(actor, sql`s.space_id`)} and s.withdrawn_at is null
        and exists (select 1 from ${therapistLinks}
          where ${therapistLinks.id} = s.link_id and ${therapistLinkActiveSql()})),
      '[]'::json)`,
  },
  tests: { canary: 'practice', authz: 'practice' },
};
