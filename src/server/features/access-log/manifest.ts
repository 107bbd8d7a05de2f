import { accessLog } from '../../db/schema';
import type { FeatureManifest } from '../../policy/manifest';

/** The couple's record of what their therapist opened; it adds no kind, news or milestone. */
export const accessLogManifest: FeatureManifest = {
  name: 'access-log',
  tables: [accessLog],
  tests: { canary: 'access-log', authz: 'access-log' },
};
