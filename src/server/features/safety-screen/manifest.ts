import { safetyScreens } from '#server/db/schema/index.ts';
import type { FeatureManifest } from '#server/policy/manifest.ts';

/** The safety screen each partner answers before joint work. */
export const safetyScreenManifest: FeatureManifest = {
  name: 'safety-screen',
  tables: [safetyScreens],
  tests: { canary: 'safety-screen', authz: 'safety-screen' },
};
