import type { FeatureManifest } from '#server/policy/manifest.ts';

/** The couple's space: core tables only; its canary and rows are the core's. */
export const spaceManifest: FeatureManifest = {
  name: 'space',
  tables: [],
  tests: { canary: null, authz: 'core' },
};
