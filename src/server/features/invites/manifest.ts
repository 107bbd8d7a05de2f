import type { FeatureManifest } from '#server/policy/manifest.ts';

/** Invites to a space: core tables only; its canary and rows are the core's (log-privacy, core.rows). */
export const invitesManifest: FeatureManifest = {
  name: 'invites',
  tables: [],
  tests: { canary: null, authz: 'core' },
};
