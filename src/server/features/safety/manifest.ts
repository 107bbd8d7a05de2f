import { safetySettings } from '../../db/schema';
import type { FeatureManifest } from '../../policy/manifest';

/** Safety settings and the "I don't feel safe" pause. */
export const safetyManifest: FeatureManifest = {
  name: 'safety',
  tables: [safetySettings],
  tests: { canary: 'safety', authz: 'safety' },
};
