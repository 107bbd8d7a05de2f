import { sessionPreps } from '#server/db/schema/index.ts';
import type { FeatureManifest } from '#server/policy/manifest.ts';

/** Session prep: reads shared items of every kind through the manifests. */
export const sessionPrepManifest: FeatureManifest = {
  name: 'session-prep',
  tables: [sessionPreps],
  tests: { canary: 'session-prep', authz: 'session-prep' },
};
