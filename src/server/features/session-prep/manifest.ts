import { sessionPreps } from '../../db/schema';
import type { FeatureManifest } from '../../policy/manifest';

/** Session prep: reads shared items of every kind through the manifests. */
export const sessionPrepManifest: FeatureManifest = {
  name: 'session-prep',
  tables: [sessionPreps],
  tests: { canary: 'session-prep', authz: 'session-prep' },
};
