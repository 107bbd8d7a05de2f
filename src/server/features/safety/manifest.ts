import { safetySettings } from '#server/db/schema/index.ts';
import type { FeatureManifest } from '#server/policy/manifest.ts';

/** Safety settings and the "I don't feel safe" pause. */
export const safetyManifest: FeatureManifest = {
  name: 'safety',
  tables: [safetySettings],
  tests: { canary: 'safety', authz: 'safety' },
};
