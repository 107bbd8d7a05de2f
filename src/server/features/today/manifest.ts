import { todayViews } from '../../db/schema';
import type { FeatureManifest } from '../../policy/manifest';

/** The home screen: it counts the news of every manifest. */
export const todayManifest: FeatureManifest = {
  name: 'today',
  tables: [todayViews],
  tests: { canary: 'today', authz: 'today' },
};
