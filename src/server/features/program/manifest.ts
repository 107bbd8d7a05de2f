import { sql } from 'drizzle-orm';
import {
  programMarks,
  programPace,
  programPhaseChanges,
  programPhaseOpenings,
  programReady,
} from '#server/db/schema/index.ts';
import type { FeatureManifest, Milestone } from '#server/policy/manifest.ts';
import { FIRST_PHASE } from '#shared/schemas/program.ts';
import { spaceRows, togetherSince } from '#server/policy/rules.ts';

const phaseOpened = (phase: 2 | 3): Milestone => ({
  key: phase === 2 ? 'phase_2' : 'phase_3',
  couple: true,
  first: (
    actor,
    after,
  ) => sql`select min(${programPhaseOpenings.openedAt}) from ${programPhaseOpenings}
      where ${spaceRows(actor, programPhaseOpenings.spaceId)} and ${programPhaseOpenings.phase} = ${sql.raw(String(phase))}
        and ${programPhaseOpenings.openedAt} >= ${after}::timestamptz`,
});

/** The program map and its pace, as the whole sees them. */
export const programManifest: FeatureManifest = {
  name: 'program',
  tables: [programMarks, programPace, programReady, programPhaseChanges, programPhaseOpenings],
  milestones: [phaseOpened(2), phaseOpened(3)],
  queries: {
    // The same rule as `currentPhase` in pace.ts, as an expression for the asker's statement.
    couplePhase: (actor) => {
      const since = togetherSince(actor);
      if (!since) return sql`${FIRST_PHASE}::int`;
      return sql`coalesce((select ${programPace.phase} from ${programPace}
        where ${spaceRows(actor, programPace.spaceId)}
          and ${programPace.coupleSince} = ${since.toISOString()}::timestamptz), ${FIRST_PHASE})::int`;
    },
  },
  tests: { canary: 'program', authz: 'program' },
};
