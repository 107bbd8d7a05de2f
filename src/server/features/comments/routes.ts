import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams } from '#shared/schemas/common.ts';
import {
  ZCommentEdit,
  ZCommentResponse,
  ZCommentsQuery,
  ZCommentsResponse,
  ZNewComment,
  ZWatchBody,
  ZWatchResponse,
  ZWordingsResponse,
} from '#shared/schemas/comments.ts';
import type { ServerContext } from '#server/context.ts';
import { requireIfMatch } from '#server/http/versioning.ts';
import { requireSignedIn } from '#server/policy/require.ts';
import { policy } from '#server/policy/route-policy.ts';
import {
  editComment,
  listComments,
  listWordings,
  postComment,
  setWatch,
  withdrawComment,
} from './service';

/**
 * Comments on shared items (issue 12). Every route is open to any signed-in person and decides
 * per item through the `commentable` policy: partners, the item's author and a therapist it is
 * shared with reach it; everyone else gets the item's own 404. Ids travel in the path and query;
 * words only in bodies.
 */
export function registerCommentRoutes(root: FastifyInstance, ctx: ServerContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const kinds = ctx.features.commentable;

  app.get(
    '/api/comments',
    {
      schema: {
        tags: ['comments'],
        summary: 'The comment threads of an item I may see, newest thread first, a page at a time',
        querystring: ZCommentsQuery,
        response: { 200: ZCommentsResponse },
      },
      config: { policy: policy('signed-in', 'comments', 'read') },
    },
    async (request) => listComments(ctx.db, kinds, requireSignedIn(request.actor), request.query),
  );

  app.post(
    '/api/comments',
    {
      schema: {
        tags: ['comments'],
        summary: 'Comment on an item I may see, or reply in a thread; optionally quote a passage',
        body: ZNewComment,
        response: { 201: ZCommentResponse },
      },
      config: { policy: policy('signed-in', 'comments', 'create') },
    },
    async (request, reply) => {
      const comment = await postComment(
        ctx.db,
        kinds,
        requireSignedIn(request.actor),
        request.body,
      );
      return reply.status(201).send({ comment });
    },
  );

  app.patch(
    '/api/comments/:id',
    {
      schema: {
        tags: ['comments'],
        summary: 'A new wording of my comment (If-Match: the version I started from)',
        params: ZIdParams,
        body: ZCommentEdit,
        response: { 200: ZCommentResponse },
      },
      config: { policy: policy('signed-in', 'comments', 'update') },
    },
    async (request) => {
      const expected = requireIfMatch(request);
      const comment = await editComment(
        ctx.db,
        kinds,
        requireSignedIn(request.actor),
        request.params.id,
        expected,
        request.body.body,
      );
      return { comment };
    },
  );

  app.post(
    '/api/comments/:id/withdraw',
    {
      schema: {
        tags: ['comments'],
        summary: 'Withdraw my comment: its words are gone, the thread shows it was withdrawn',
        params: ZIdParams,
        response: { 200: ZCommentResponse },
      },
      config: { policy: policy('signed-in', 'comments', 'delete') },
    },
    async (request) => ({
      comment: await withdrawComment(
        ctx.db,
        kinds,
        requireSignedIn(request.actor),
        request.params.id,
      ),
    }),
  );

  app.get(
    '/api/comments/:id/wordings',
    {
      schema: {
        tags: ['comments'],
        summary: 'The earlier wordings of an edited comment, newest first',
        params: ZIdParams,
        response: { 200: ZWordingsResponse },
      },
      config: { policy: policy('signed-in', 'comments', 'read') },
    },
    async (request) =>
      listWordings(ctx.db, kinds, requireSignedIn(request.actor), request.params.id),
  );

  app.put(
    '/api/comments/watch',
    {
      schema: {
        tags: ['comments'],
        summary: '"Notify me of" for one item: every new comment, only replies to me, or nothing',
        body: ZWatchBody,
        response: { 200: ZWatchResponse },
      },
      config: { policy: policy('signed-in', 'comments', 'update') },
    },
    async (request) => ({
      watch: await setWatch(
        ctx.db,
        kinds,
        requireSignedIn(request.actor),
        request.body,
        request.body.mode,
      ),
    }),
  );
}
