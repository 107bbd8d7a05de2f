import { accessLog } from '#server/db/schema/index.ts';
import type { FeatureManifest } from '#server/policy/manifest.ts';

/** The couple's record of what their therapist opened; it adds no kind, news or milestone. */
export const accessLogManifest: FeatureManifest = {
  name: 'access-log',
  tables: [accessLog],
  tests: { canary: 'access-log', authz: 'access-log' },
};
