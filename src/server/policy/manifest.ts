import { and, gt, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { TExportSection } from '#shared/schemas/my-data.ts';
import type { TMilestoneKey } from '#shared/schemas/progress.ts';
import type { TPrepKind } from '#shared/schemas/session-prep.ts';
import type { TNewsKind } from '#shared/schemas/today.ts';
import type { Database, DbOrTx } from '#server/db/index.ts';
import type { SignedInActor, SpaceMemberActor } from './actor';
import { shareableCommentable, type CommentableKind } from './commentable';
import { partnerSharedItems, type AuthoredItemColumns } from './rules';

/**
 * A feature manifest: what one server feature adds to the whole. Each feature writes its own in
 * `features/<name>/manifest.ts`; `src/server/manifests.ts` (beside `app.ts`, the one file that
 * imports every manifest) lists them, and `composeFeatures` below turns the list into the whole
 * that Today, progress, the shared-item readers and the tests iterate. Decision 0038.
 */
export interface FeatureManifest {
  /** The feature's folder name under `src/server/features`. */
  name: string;
  /**
   * The tables this feature owns (from its schema file). Only the owner's code names them; others
   * ask the owner's query in `queries` (tests/helpers/table-ownership.test.ts).
   */
  tables: PgTable[];
  /** Kinds of item a partner can share, read by every reader of shared items at once. */
  shareable?: ShareableKind[];
  /**
   * Kinds outside the shareable union that can carry comments (a co-authored item, through
   * `coAuthoredCommentable`). A shareable kind opts in with its own `comments` flag instead.
   */
  commentable?: CommentableKind[];
  /** What Today counts as news for a partner (counted by kind, never quoted). */
  news?: NewsSource[];
  /** Firsts on the progress page. */
  milestones?: Milestone[];
  /** The queries this feature answers for other features (see `FeatureQueries`). */
  queries?: Partial<FeatureQueries>;
  /**
   * Its test files, by name: `tests/integration/canary/<canary>.ts` (sends a canary string
   * through every route; the log must never show it) and `tests/integration/authz/<authz>.rows.ts`
   * (the status every kind of caller gets on every route). Null only for a feature with no
   * routes of its own to send anything through (its rows live with the feature whose page it is).
   */
  tests: { canary: string | null; authz: string };
  /**
   * What erasing an account does to this feature's rows beyond the foreign keys' own rules (say, a
   * name copied into co-authored history becomes `formerName`). Runs inside the erasure's
   * transaction.
   */
  onErase?: (tx: DbOrTx, userId: string, formerName: string) => Promise<void>;
  /**
   * A section of its own in the person's export, beyond its shareable kinds (co-authored items,
   * drafts), read through the policy layer: only what this person may see.
   */
  exportPart?: ExportPart;
}

/** One feature's section of "download my data". */
export type ExportPart = (db: Database, actor: SignedInActor) => Promise<TExportSection>;

/* ---------- Shareable kinds ---------- */

/** The kinds of shared item, in the words the web and the API use (`PREP_KINDS`). */
export type SharedItemKind = TPrepKind;

/** Which items of a table the caller may read: a condition on that table's item columns. */
export type ItemScope = (item: AuthoredItemColumns) => SQL;

/** One item as the union of every kind gives it (`policy/shared-items.ts`). */
export interface SharedItemRow extends Record<string, unknown> {
  kind: SharedItemKind;
  id: string;
  author_id: string;
  space_id: string;
  /** Postgres' own text for the timestamp: exact, so it can go back into a cursor. */
  at: string;
  /** A check-in's day or a weekly check-in's week. */
  day: string | null;
  /** A reflection's lesson slug or a weekly check-in's measure id; never user content. */
  title: string | null;
  /** When the author last shared it with the therapist; null for kinds that cannot be. */
  therapist_shared_at: string | null;
  /** The content; null when the caller asked for the list only (`withBody: false`). */
  body: Record<string, unknown> | null;
}

/** One line of an item: `key` names it for the page's own words; `label` comes from content. */
export interface ItemPart {
  key: string;
  label: string | null;
  text: string;
}

/** The words a weekly check-in needs: its title, and its scales' titles and band words. */
export interface MeasureWords {
  title: string;
  scales: Map<string, { title: string; bands: Map<string, string> }>;
}

/** What a presenter may look up: words loaded from content at start, never user content. */
export interface PresentWords {
  measures: Map<string, MeasureWords>;
}

/** An item as a page shows it: a neutral title (never user content) and its content lines. */
export interface PresentedItem {
  title: string | null;
  parts: ItemPart[];
}

/**
 * The one presenter idiom: a kind turns a row of the union (read with its body) into a title and
 * lines with `itemPart` (below); `presentSharedItem` drops empty lines for every kind alike.
 */
export type Presenter = (row: SharedItemRow, words: PresentWords) => PresentedItem;

/** What a kind's branch of the union is given by the core. */
export interface BranchInput {
  /** The caller's scope and the id filter, already joined: put it in the branch's WHERE. */
  where: SQL;
  /** Wraps the content expression (`json_build_object(...)`), or gives null for lists. */
  body: (content: SQL) => SQL;
}

export interface ShareableKind {
  kind: SharedItemKind;
  /** Its name as a heading in the export and in the coverage test's words: "Daily check-in". */
  title: string;
  /** The item table, with the columns of `itemColumns()`; scopes are applied to it. */
  table: PgTable & AuthoredItemColumns & { id: AnyPgColumn };
  /** May the author share it with the couple's therapist? */
  therapist: boolean;
  /** Can it carry comments? (issue 12: `policy/commentable.ts` reads it.) */
  comments: boolean;
  /**
   * Its branch of the union: `select kind, id, author_id, space_id, at, day, title,
   * therapist_shared_at, body from <table> where <input.where> [and more]`, those nine columns in
   * that order.
   */
  branch: (input: BranchInput) => SQL;
  present: Presenter;
  /**
   * For a kind a therapist may see: the item's date as the access log names it (a day, a week or
   * a moment as ISO text), read only from the actor's own item with id `itemId`; null otherwise.
   */
  accessDate?: (actor: SignedInActor, itemId: SQL) => SQL;
}

/** A line of an item, its value turned into plain text. */
export function itemPart(key: string, value: unknown, label: string | null = null): ItemPart {
  return { key, label, text: plainText(value) };
}

function plainText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => plainText(v)).join(', ');
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/* ---------- Today and progress ---------- */

/** The moments Today counts news from: after both may count ("since"), or from my joining. */
export interface NewsWindow {
  /** After I last looked, and never before the two people now in the space were both there. */
  since: SQL;
  /** After I last looked, and never before I joined (the therapist's words to me). */
  mine: SQL;
}

/**
 * One kind of news: `select '<kind>'::text as kind, count(*)::int as n, max(<time>) as latest
 * from ... where ...`, scoped to what reached me from others in my space.
 */
export interface NewsSource {
  kind: TNewsKind;
  /** `whole` is for a kind that spans features (comments on every commentable kind). */
  count: (
    actor: SpaceMemberActor,
    window: NewsWindow,
    whole: Pick<FeatureWhole, 'commentable'>,
  ) => SQL;
}

/** A first on the progress page: a one-value select of the moment, or null. */
export interface Milestone {
  key: TMilestoneKey;
  /** A thing of the couple: counted only with a partner, from `after` (when they came together). */
  couple: boolean;
  /** `after` is the ISO moment the couple came together; null for a personal milestone. */
  first: (actor: SignedInActor, after: string | null) => SQL;
}

/* ---------- Queries one feature answers for another ---------- */

/**
 * Questions a feature asks about data another feature owns. The owner answers in its manifest's
 * `queries`; `composeFeatures` checks every question has exactly one answer. Each answer is an SQL
 * expression scoped by the policy rules, to put in the asker's own statement.
 */
export interface FeatureQueries {
  /** checkins: my check-in of `day` as json `{ id, shared }`, or null. */
  myCheckinOn: (actor: SignedInActor, day: string) => SQL;
  /** checkins: my weekly path, rows `(week text, checkins int, intensity float8, pain float8)`. */
  myCheckinWeeks: (actor: SignedInActor, fromDay: string) => SQL;
  /** impact-letter: is my current impact letter in this space shared with my partner? */
  myLetterShared: (actor: SpaceMemberActor) => SQL;
  /** impact-letter: have I sent a reflection on my partner's current letter? */
  myReflectionSent: (actor: SpaceMemberActor) => SQL;
  /**
   * practice: the couple's active therapist's suggestions as a json array of
   * `{ key, note, at }`, oldest first (the program map shows them).
   */
  exerciseSuggestions: (actor: SpaceMemberActor) => SQL;
  /**
   * messages: for the therapist's list of couples, how many messages the couple's current
   * partners wrote in one link after `seen`; the link is the asking query's `therapist_links` row.
   */
  coupleMessagesSince: (seen: SQL) => SQL;
  /** injuries: my own notes on our injuries, oldest first (for "download my data"). */
  myInjuryNotes: (
    db: DbOrTx,
    actor: SignedInActor,
  ) => Promise<{ id: string; note: string; at: string }[]>;
  /** messages: every message in the threads I read, oldest first (for "download my data"). */
  myTherapistMessages: (
    db: DbOrTx,
    actor: SignedInActor,
  ) => Promise<{ id: string; thread: string; mine: boolean; body: string; at: string }[]>;
  /**
   * program: the phase the couple now in the actor's space has reached together (the slower
   * partner's pace), as an int; 1 without a partner. For joint exercises of a later phase.
   */
  couplePhase: (actor: SpaceMemberActor) => SQL;
}

/* ---------- The whole ---------- */

/** Every manifest put together: what the readers iterate. */
export interface FeatureWhole {
  manifests: readonly FeatureManifest[];
  shareable: readonly ShareableKind[];
  /** Every kind that can carry comments: shareable kinds flagged so, then co-authored ones. */
  commentable: readonly CommentableKind[];
  news: readonly NewsSource[];
  milestones: readonly Milestone[];
  queries: FeatureQueries;
  /** Every manifest's `onErase`, in order. */
  erasers: readonly NonNullable<FeatureManifest['onErase']>[];
  /** Every manifest's `exportPart`, in order. */
  exportParts: readonly ExportPart[];
  /** Which feature owns each table. */
  ownerOf: Map<PgTable, string>;
}

const QUERY_NAMES: (keyof FeatureQueries)[] = [
  'myCheckinOn',
  'myCheckinWeeks',
  'myLetterShared',
  'myReflectionSent',
  'exerciseSuggestions',
  'coupleMessagesSince',
  'myInjuryNotes',
  'myTherapistMessages',
  'couplePhase',
];

/**
 * Put the manifests together, refusing (at start, so in every test) two features that claim one
 * kind, news kind, milestone, table or query, and a query nobody answers.
 */
export function composeFeatures(manifests: readonly FeatureManifest[]): FeatureWhole {
  const seen = new Map<string, string>();
  const claim = (what: string, by: string) => {
    const before = seen.get(what);
    if (before) throw new Error(`${what} is declared by both ${before} and ${by}.`);
    seen.set(what, by);
  };
  const ownerOf = new Map<PgTable, string>();
  const queries: Partial<FeatureQueries> = {};
  for (const m of manifests) {
    claim(`feature ${m.name}`, m.name);
    for (const table of m.tables) {
      if (ownerOf.has(table))
        throw new Error(`A table is owned by both ${ownerOf.get(table)} and ${m.name}.`);
      ownerOf.set(table, m.name);
    }
    for (const k of m.shareable ?? []) claim(`shareable kind ${k.kind}`, m.name);
    for (const c of m.commentable ?? []) claim(`commentable kind ${c.kind}`, m.name);
    for (const n of m.news ?? []) claim(`news kind ${n.kind}`, m.name);
    for (const s of m.milestones ?? []) claim(`milestone ${s.key}`, m.name);
    for (const [name, answer] of Object.entries(m.queries ?? {})) {
      claim(`query ${name}`, m.name);
      (queries as Record<string, unknown>)[name] = answer;
    }
  }
  const missing = QUERY_NAMES.filter((name) => !queries[name]);
  if (missing.length > 0) {
    throw new Error(`No feature manifest answers the queries ${missing.join(', ')}.`);
  }
  const shareable = manifests.flatMap((m) => m.shareable ?? []);
  return {
    manifests,
    shareable,
    commentable: [
      ...shareable.filter((k) => k.comments).map((k) => shareableCommentable(shareable, k)),
      ...manifests.flatMap((m) => m.commentable ?? []),
    ],
    news: manifests.flatMap((m) => m.news ?? []),
    milestones: manifests.flatMap((m) => m.milestones ?? []),
    queries: queries as FeatureQueries,
    erasers: manifests.flatMap((m) => (m.onErase ? [m.onErase] : [])),
    exportParts: manifests.flatMap((m) => (m.exportPart ? [m.exportPart] : [])),
    ownerOf,
  };
}

/**
 * The usual news source: items of `item`'s table my partner shared with me after the window's
 * `since`, by the same visibility rule as every read of those items. `extra` narrows further
 * (an archived trigger entry is not news).
 */
export function partnerSharedNews(
  kind: TNewsKind,
  item: PgTable & AuthoredItemColumns,
  extra?: SQL,
): NewsSource {
  return {
    kind,
    count: (actor, window) => sql`select ${kind}::text as kind, count(*)::int as n,
        max(${item.sharedAt}) as latest
      from ${item}
      where ${and(partnerSharedItems(actor, item), gt(item.sharedAt, window.since), extra)}`,
  };
}
