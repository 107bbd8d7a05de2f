import { commentWatches, commentWordings, comments } from '#server/db/schema/index.ts';
import type { FeatureManifest } from '#server/policy/manifest.ts';

/**
 * Comments on shared items (issue 12). The kinds that can carry them are declared by the features
 * that own those items (a shareable kind's `comments` flag, a co-authored kind in `commentable`);
 * this feature owns only the comments themselves.
 */
export const commentsManifest: FeatureManifest = {
  name: 'comments',
  tables: [comments, commentWordings, commentWatches],
  tests: { canary: 'comments', authz: 'comments' },
};
