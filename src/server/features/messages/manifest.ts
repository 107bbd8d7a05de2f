import { asc, sql } from 'drizzle-orm';
import { memberships, messages, therapistLinks } from '#server/db/schema/index.ts';
import type { FeatureManifest } from '#server/policy/manifest.ts';
import { ownRows, visibleMessages } from '#server/policy/rules.ts';

/** Messages between a couple and their therapist, as the whole sees them. */
export const messagesManifest: FeatureManifest = {
  name: 'messages',
  tables: [messages],
  news: [
    {
      /**
       * What the couple's therapist wrote to me since I last looked (from my joining): messages in
       * the threads I read (the couple thread, and my own private thread, never my partner's), by
       * the link's therapist. Counted, never quoted.
       */
      kind: 'therapist_message',
      count: (actor, { mine }) => sql`select 'therapist_message'::text as kind, count(*)::int as n,
          max(${messages.createdAt}) as latest
        from ${messages}
        where ${visibleMessages(actor)} and ${messages.createdAt} > ${mine}
          and exists (select 1 from ${therapistLinks} where ${therapistLinks.id} = ${messages.linkId}
            and ${therapistLinks.therapistId} = ${messages.authorId})`,
    },
  ],
  queries: {
    // `therapist_links` is the asking query's own row: one couple's link.
    coupleMessagesSince: (seen) => sql`(select count(*) from ${messages} msg
        where msg.link_id = ${therapistLinks.id} and msg.created_at > ${seen}
          and msg.author_id in (select m.user_id from ${memberships} m
            where m.space_id = ${therapistLinks.spaceId} and m.left_at is null))`,
    myTherapistMessages: async (db, actor) => {
      const rows = await db
        .select({
          id: messages.id,
          thread: messages.thread,
          mine: sql<boolean>`${ownRows(actor, messages.authorId)}`,
          body: messages.body,
          at: messages.createdAt,
        })
        .from(messages)
        .where(visibleMessages(actor))
        .orderBy(asc(messages.createdAt));
      return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
    },
  },
  tests: { canary: 'messages', authz: 'messages' },
};
