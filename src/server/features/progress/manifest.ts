import type { FeatureManifest } from '#server/policy/manifest.ts';

/** The progress page: it reads the milestones of every manifest and owns no table; its canary and rows sit with today. */
export const progressManifest: FeatureManifest = {
  name: 'progress',
  tables: [],
  tests: { canary: 'today', authz: 'today' },
};
