import { sql } from 'drizzle-orm';
import { measureResponses, type StoredScores } from '#server/db/schema/index.ts';
import { itemPart, partnerSharedNews, type FeatureManifest } from '#server/policy/manifest.ts';
import { ownItems } from '#server/policy/rules.ts';

/** Weekly check-ins (measures), as the whole sees them. */
export const measuresManifest: FeatureManifest = {
  name: 'measures',
  tables: [measureResponses],
  shareable: [
    {
      kind: 'measure',
      title: 'Weekly check-in',
      table: measureResponses,
      therapist: true,
      comments: true,
      // The week, the title and the band words: never the answers to single questions.
      branch: ({ where, body }) => sql`select 'measure'::text, ${measureResponses.id},
          ${measureResponses.authorId}, ${measureResponses.spaceId}, ${measureResponses.createdAt},
          ${measureResponses.week}::text, ${measureResponses.measureId},
          ${measureResponses.therapistSharedAt},
          ${body(sql`json_build_object('scores', ${measureResponses.scores})`)}
        from ${measureResponses}
        where ${where}`,
      accessDate: (
        actor,
        itemId,
      ) => sql`(select ${measureResponses.week}::text from ${measureResponses}
        where ${measureResponses.id} = ${itemId} and ${ownItems(actor, measureResponses)})`,
      // Its band words and figures, never the answers to single questions.
      present: (row, { measures }) => {
        const words = measures.get(row.title ?? '');
        const scores = row.body?.scores as StoredScores | undefined;
        const scale = (id: string, score: { score: number | null; band: string | null }) => {
          const w = words?.scales.get(id);
          const band = score.band ? (w?.bands.get(score.band) ?? score.band) : null;
          const figure = score.score === null ? null : String(Math.round(score.score * 10) / 10);
          return itemPart(
            'scale',
            [band, figure].filter((x) => x !== null).join(' · '),
            w?.title ?? id,
          );
        };
        return {
          title: words?.title ?? row.title,
          parts: scores
            ? [
                scale('total', scores.total),
                ...Object.entries(scores.subscales).map(([id, s]) => scale(id, s)),
              ]
            : [],
        };
      },
    },
  ],
  news: [partnerSharedNews('measure', measureResponses)],
  milestones: [
    {
      key: 'first_measure',
      couple: false,
      first: (actor) =>
        sql`select min(${measureResponses.createdAt}) from ${measureResponses} where ${ownItems(actor, measureResponses)}`,
    },
  ],
  tests: { canary: 'measures', authz: 'measures' },
};
