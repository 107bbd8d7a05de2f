import { todayViews } from '#server/db/schema/index.ts';
import type { FeatureManifest } from '#server/policy/manifest.ts';

/** The home screen: it counts the news of every manifest. */
export const todayManifest: FeatureManifest = {
  name: 'today',
  tables: [todayViews],
  tests: { canary: 'today', authz: 'today' },
};
