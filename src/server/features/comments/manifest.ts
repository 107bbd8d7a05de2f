import { commentWatches, commentWordings, comments } from '#server/db/schema/index.ts';
import { commentNewsSql } from '#server/policy/commentable.ts';
import type { FeatureManifest } from '#server/policy/manifest.ts';
import { commentsExportPart } from './export-part';

/**
 * Comments on shared items (issue 12). The kinds that can carry them are declared by the features
 * that own those items (a shareable kind's `comments` flag, a co-authored kind in `commentable`);
 * this feature owns only the comments themselves.
 */
export const commentsManifest: FeatureManifest = {
  name: 'comments',
  tables: [comments, commentWordings, commentWatches],
  tests: { canary: 'comments', authz: 'comments' },
  exportPart: commentsExportPart,
  news: [
    {
      kind: 'comment',
      count: (actor, window, whole) => commentNewsSql(actor, window, whole.commentable, 'partner'),
    },
    {
      kind: 'therapist_comment',
      count: (actor, window, whole) =>
        commentNewsSql(actor, window, whole.commentable, 'therapist'),
    },
  ],
};
