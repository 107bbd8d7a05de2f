import type { FeatureManifest } from '../../policy/manifest';

/** The account page: it reads the sign-in core's own tables (security events), so it owns none. */
export const accountManifest: FeatureManifest = {
  name: 'account',
  tables: [],
  tests: { canary: 'account', authz: 'account' },
};
