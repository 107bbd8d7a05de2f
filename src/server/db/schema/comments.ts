import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { spaces, users } from './core';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * Comments on shared items (issue 12, decisions 0049–0051). A comment names its item by kind and
 * id only; who may read it is decided at every read from the item itself (policy/commentable.ts),
 * never copied here. What is stored is who the comment was *written for*: the audiences that
 * could see the item when it was written. A reader must be in that audience as well as able to
 * see the item now, so widening an item later never reveals words written before to newcomers.
 */
export const comments = pgTable(
  'comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The item's kind, in the API's words (`checkin`, `letter`, `trigger-plan`, ...). */
    itemKind: text('item_kind').notNull(),
    itemId: uuid('item_id').notNull(),
    /** The space of the item; a therapist's comment carries the couple's space. */
    spaceId: uuid('space_id').references(() => spaces.id, { onDelete: 'cascade' }),
    /**
     * A reply names the thread's first comment; one level of replies (decision 0050). Erasing the
     * first comment's writer keeps the others' replies, each then a thread of its own.
     */
    parentId: uuid('parent_id').references((): AnyPgColumn => comments.id, {
      onDelete: 'set null',
    }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** How the writer stood to the item when writing: `author`, `partner` or `therapist`. */
    authorRole: text('author_role').notNull(),
    /** Null once withdrawn: the words are gone, the place in the thread stays. */
    body: text('body'),
    /** 1 when written; each edit adds one (If-Match on edits and withdrawals). */
    version: integer('version').notNull().default(1),
    forPartner: boolean('for_partner').notNull(),
    forTherapist: boolean('for_therapist').notNull(),
    /** Inline feedback: the item version (a content hash), which part, the range and its words. */
    quoteVersion: text('quote_version'),
    quotePart: text('quote_part'),
    quoteStart: integer('quote_start'),
    quoteEnd: integer('quote_end'),
    quoteText: text('quote_text'),
    createdAt: at('created_at').notNull().defaultNow(),
    editedAt: at('edited_at'),
    withdrawnAt: at('withdrawn_at'),
  },
  (t) => [
    // The threads of one item, newest first, and the replies in each.
    index('comments_item_idx').on(t.itemKind, t.itemId, t.createdAt.desc(), t.id.desc()),
    index('comments_parent_idx').on(t.parentId),
    index('comments_author_idx').on(t.authorId),
    // Today's news counts a space's comments after a moment.
    index('comments_space_idx').on(t.spaceId, t.createdAt),
    check('comments_withdrawn_check', sql`(${t.withdrawnAt} is null) = (${t.body} is not null)`),
  ],
);

/** Earlier wordings of an edited comment: one row per replaced text, never changed afterwards. */
export const commentWordings = pgTable(
  'comment_wordings',
  {
    commentId: uuid('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    body: text('body').notNull(),
    writtenAt: at('written_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.commentId, t.version] })],
);

/** A person's "Notify me of" for one item; without a row their preference's default applies. */
export const commentWatches = pgTable(
  'comment_watches',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    itemKind: text('item_kind').notNull(),
    itemId: uuid('item_id').notNull(),
    mode: text('mode').notNull(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.itemKind, t.itemId] }),
    check('comment_watches_mode_check', sql`${t.mode} in ('all', 'replies', 'none')`),
  ],
);
