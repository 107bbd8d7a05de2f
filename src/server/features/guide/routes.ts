import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { notFound } from '#shared/errors.ts';
import { ZTherapistShareBody } from '#shared/schemas/common.ts';
import {
  ZLessonList,
  ZLessonParams,
  ZLessonResponse,
  ZMyReflectionResponse,
  ZReflectionBody,
  ZReflectionsResponse,
  type TMyReflection,
} from '#shared/schemas/guide.ts';
import type { ServerContext } from '#server/context.ts';
import type { ServerRenderedPage } from '#server/http/web.ts';
import { requireIfMatch, setVersionTag } from '#server/http/versioning.ts';
import { requireSignedIn } from '#server/policy/require.ts';
import { policy } from '#server/policy/route-policy.ts';
import { loadLessons, LESSONS_DIR, type LessonLibrary } from './lessons';
import { guidePages } from './pages';
import {
  readReflections,
  saveMine,
  setMineTherapistShare,
  shareMine,
  unshareMine,
  type Precondition,
} from './service';

export interface GuideRoutesOptions {
  /** Where the lessons are; tests point this at a folder of their own. */
  lessonsDir?: string;
}

/** `If-Match: "<version>"` to change my reflection, `If-None-Match: *` to write the first one. */
function readPrecondition(request: FastifyRequest): Precondition {
  if (request.headers['if-none-match']?.trim() === '*') return { kind: 'none-yet' };
  return { kind: 'version', version: requireIfMatch(request) };
}

function sendMine(reply: FastifyReply, reflection: TMyReflection) {
  setVersionTag(reply, reflection.version);
  return { reflection };
}

/**
 * The guide: lessons for anyone (JSON here, and the pages filled in on the server), and each
 * reader's reflection on a lesson. Lessons are read, checked and rendered once, at start; a bad
 * lesson stops the start with a message naming the file and the field.
 */
export function registerGuideRoutes(
  root: FastifyInstance,
  ctx: ServerContext,
  options: GuideRoutesOptions = {},
): { library: LessonLibrary; pages: ServerRenderedPage[] } {
  const library = loadLessons(options.lessonsDir ?? LESSONS_DIR);
  const app = root.withTypeProvider<ZodTypeProvider>();

  const lessonOr404 = (slug: string) => {
    const lesson = library.get(slug);
    if (!lesson) throw notFound();
    return lesson;
  };

  app.get(
    '/api/guide',
    {
      schema: {
        tags: ['guide'],
        summary: 'Every lesson, in reading order',
        response: { 200: ZLessonList },
      },
      config: { policy: policy('public', 'lesson', 'read') },
    },
    async () => ({ lessons: [...library.summaries] }),
  );

  app.get(
    '/api/guide/:slug',
    {
      schema: {
        tags: ['guide'],
        summary: 'One lesson, rendered',
        params: ZLessonParams,
        response: { 200: ZLessonResponse },
      },
      config: { policy: policy('public', 'lesson', 'read') },
    },
    async (request) => ({ lesson: lessonOr404(request.params.slug) }),
  );

  app.get(
    '/api/guide/:slug/reflections',
    {
      schema: {
        tags: ['guide'],
        summary: 'My reflection on a lesson, and my partner’s if they shared it',
        params: ZLessonParams,
        response: { 200: ZReflectionsResponse },
      },
      config: { policy: policy('signed-in', 'reflection', 'read') },
    },
    async (request, reply) => {
      const lesson = lessonOr404(request.params.slug);
      const result = await readReflections(ctx.db, requireSignedIn(request.actor), lesson.slug);
      if (result.mine) setVersionTag(reply, result.mine.version);
      return result;
    },
  );

  app.put(
    '/api/guide/:slug/reflections/mine',
    {
      schema: {
        tags: ['guide'],
        summary: 'Write or change my reflection (If-Match, or If-None-Match: * for the first)',
        params: ZLessonParams,
        body: ZReflectionBody,
        response: { 200: ZMyReflectionResponse },
      },
      config: { policy: policy('signed-in', 'reflection', 'update') },
    },
    async (request, reply) => {
      const lesson = lessonOr404(request.params.slug);
      const actor = requireSignedIn(request.actor);
      const saved = await saveMine(
        ctx.db,
        actor,
        lesson.slug,
        request.body.body,
        readPrecondition(request),
      );
      return sendMine(reply, saved);
    },
  );

  app.post(
    '/api/guide/:slug/reflections/mine/share',
    {
      schema: {
        tags: ['guide'],
        summary: 'Share my reflection with my partner',
        params: ZLessonParams,
        response: { 200: ZMyReflectionResponse },
      },
      config: { policy: policy('space-member', 'reflection', 'update') },
    },
    async (request, reply) => {
      const lesson = lessonOr404(request.params.slug);
      return sendMine(reply, await shareMine(ctx.db, requireSignedIn(request.actor), lesson.slug));
    },
  );

  app.post(
    '/api/guide/:slug/reflections/mine/unshare',
    {
      schema: {
        tags: ['guide'],
        summary: 'Make my reflection private again',
        params: ZLessonParams,
        response: { 200: ZMyReflectionResponse },
      },
      config: { policy: policy('signed-in', 'reflection', 'update') },
    },
    async (request, reply) => {
      const lesson = lessonOr404(request.params.slug);
      return sendMine(
        reply,
        await unshareMine(ctx.db, requireSignedIn(request.actor), lesson.slug),
      );
    },
  );

  app.put(
    '/api/guide/:slug/reflections/mine/therapist',
    {
      schema: {
        tags: ['guide'],
        summary:
          'Share my reflection with our therapist, or stop (separate from my partner; never paused)',
        params: ZLessonParams,
        body: ZTherapistShareBody,
        response: { 200: ZMyReflectionResponse },
      },
      config: { policy: policy('signed-in', 'reflection', 'update') },
    },
    async (request, reply) => {
      const lesson = lessonOr404(request.params.slug);
      return sendMine(
        reply,
        await setMineTherapistShare(
          ctx.db,
          requireSignedIn(request.actor),
          lesson.slug,
          request.body.shared,
        ),
      );
    },
  );

  return { library, pages: guidePages(library) };
}
