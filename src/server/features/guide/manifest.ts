import { sql } from 'drizzle-orm';
import { guideReflections } from '#server/db/schema/index.ts';
import { itemPart, partnerSharedNews, type FeatureManifest } from '#server/policy/manifest.ts';
import { ownItems } from '#server/policy/rules.ts';

/** A lesson's title from its slug ("naming-the-hurt" → "Naming the hurt"). */
export function lessonTitle(slug: string): string {
  const words = slug.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Lesson reflections, as the whole sees them. */
export const guideManifest: FeatureManifest = {
  name: 'guide',
  tables: [guideReflections],
  shareable: [
    {
      kind: 'reflection',
      title: 'Lesson reflection',
      table: guideReflections,
      therapist: true,
      comments: false,
      branch: ({ where, body }) => sql`select 'reflection'::text, ${guideReflections.id},
          ${guideReflections.authorId}, ${guideReflections.spaceId}, ${guideReflections.updatedAt},
          null::text, ${guideReflections.lessonSlug}, ${guideReflections.therapistSharedAt},
          ${body(sql`json_build_object('body', ${guideReflections.body})`)}
        from ${guideReflections}
        where ${where}`,
      accessDate: (
        actor,
        itemId,
      ) => sql`(select to_char(${guideReflections.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
        from ${guideReflections}
        where ${guideReflections.id} = ${itemId} and ${ownItems(actor, guideReflections)})`,
      present: (row) => ({
        title: lessonTitle(row.title ?? ''),
        parts: [itemPart('body', row.body?.body)],
      }),
    },
  ],
  news: [partnerSharedNews('reflection', guideReflections)],
  milestones: [
    {
      key: 'first_lesson_reflection',
      couple: false,
      first: (actor) =>
        sql`select min(${guideReflections.createdAt}) from ${guideReflections} where ${ownItems(actor, guideReflections)}`,
    },
  ],
  tests: { canary: 'guide', authz: 'guide' },
};
