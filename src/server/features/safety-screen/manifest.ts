import { safetyScreens } from '../../db/schema';
import type { FeatureManifest } from '../../policy/manifest';

/** The safety screen each partner answers before joint work. */
export const safetyScreenManifest: FeatureManifest = {
  name: 'safety-screen',
  tables: [safetyScreens],
  tests: { canary: 'safety-screen', authz: 'safety-screen' },
};
