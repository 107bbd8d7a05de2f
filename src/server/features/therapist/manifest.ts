import type { FeatureManifest } from '#server/policy/manifest.ts';

/** The therapist's profile and links: the policy reads those tables for every therapist rule, so they are core tables. */
export const therapistManifest: FeatureManifest = {
  name: 'therapist',
  tables: [],
  tests: { canary: 'therapist', authz: 'therapist' },
};
