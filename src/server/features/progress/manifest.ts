import type { FeatureManifest } from '../../policy/manifest';

/** The progress page: it reads the milestones of every manifest and owns no table; its canary and rows sit with today. */
export const progressManifest: FeatureManifest = {
  name: 'progress',
  tables: [],
  tests: { canary: 'today', authz: 'today' },
};
