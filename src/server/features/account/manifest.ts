import type { FeatureManifest } from '#server/policy/manifest.ts';

/** The account page: it reads the sign-in core's own tables (security events), so it owns none. */
export const accountManifest: FeatureManifest = {
  name: 'account',
  tables: [],
  tests: { canary: 'account', authz: 'account' },
};
