import type { FeatureManifest } from '#server/policy/manifest.ts';

/**
 * Notifications and the live stream (issue 12). Their tables belong to the events core
 * (`src/server/events`), which every feature calls through `notify` and `publishChange`; this
 * feature serves the person's own list, choices and stream. Nothing here is content, so there is
 * nothing to export or present; erasure removes the rows through their foreign keys.
 */
export const notificationsManifest: FeatureManifest = {
  name: 'notifications',
  tables: [],
  tests: { canary: 'notifications', authz: 'notifications' },
};
