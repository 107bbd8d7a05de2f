import { erasureRequests } from '#server/db/schema/index.ts';
import type { FeatureManifest } from '#server/policy/manifest.ts';

/** Export and erasure of my data; its rows sit with the two-step rows (both need a step-up). */
export const myDataManifest: FeatureManifest = {
  name: 'my-data',
  tables: [erasureRequests],
  tests: { canary: null, authz: 'two-step' },
};
