import type { FeatureManifest } from '../../policy/manifest';

/** The progress page: it reads the milestones of every manifest and owns no table. */
export const progressManifest: FeatureManifest = {
  name: 'progress',
  tables: [],
  tests: { canary: null, authz: 'today' },
};
