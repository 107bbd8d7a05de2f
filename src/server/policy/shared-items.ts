import { and, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { keysetCursor } from '../http/cursor';
import {
  checkins,
  guideReflections,
  impactLetterReflections,
  impactLetterVersions,
  impactLetters,
  measureResponses,
  triggerEntries,
  type StoredScores,
} from '../db/schema';
import type { AuthoredItemColumns } from './rules';

/**
 * Shared items across kinds: check-ins, trigger entries, lesson reflections, impact letters and
 * the reflections on them, and weekly check-ins (measures). Each kind is one branch of a
 * `union all` with the same columns, so a feature can list, page and open items of every kind in
 * one query. Who may read what is not decided here: the caller passes a scope — a function that
 * turns an item table's columns into a WHERE condition from `rules.ts` (`visibleItems` for a
 * partner, `therapistVisibleItems` for a therapist). A kind that can never carry the caller's
 * visibility (an impact letter is never shared with a therapist) simply matches nothing.
 */
export const SHARED_ITEM_KINDS = [
  'checkin',
  'trigger',
  'reflection',
  'letter',
  'letter_reflection',
  'measure',
] as const;
export type SharedItemKind = (typeof SHARED_ITEM_KINDS)[number];

/** Which items of a table the caller may read: a condition on that table's item columns. */
export type ItemScope = (item: AuthoredItemColumns) => SQL;

/** One item as the union gives it. */
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

export interface SharedItemQuery {
  /** Only these ids of each kind (a kind not in the map gives nothing). */
  ids?: Map<SharedItemKind, string[]>;
  /** Only this kind. */
  kind?: SharedItemKind;
  /** Leave the content out (lists that show only kind, date and author). Default true. */
  withBody?: boolean;
}

/** One branch of the union per kind, each giving the same columns in the same order. */
export function sharedItemBranches(scope: ItemScope, query: SharedItemQuery = {}): SQL[] {
  const { ids, kind: onlyKind, withBody = true } = query;
  const only = (kind: SharedItemKind, column: AuthoredItemColumns['authorId']): SQL | undefined => {
    if (!ids) return undefined;
    const list = ids.get(kind);
    return list && list.length > 0 ? inArray(column, list) : sql`false`;
  };
  const wanted = (kind: SharedItemKind) =>
    (!onlyKind || onlyKind === kind) && (!ids || (ids.get(kind)?.length ?? 0) > 0);
  const body = (content: SQL): SQL => (withBody ? content : sql`null::json`);
  const out: SQL[] = [];

  if (wanted('checkin')) {
    out.push(sql`select 'checkin'::text as kind, ${checkins.id} as id, ${checkins.authorId} as author_id,
        ${checkins.spaceId} as space_id, ${checkins.createdAt} as at, ${checkins.day}::text as day,
        null::text as title, ${checkins.therapistSharedAt} as therapist_shared_at,
        ${body(sql`json_build_object('feelings', ${checkins.feelings}, 'intensity', ${checkins.intensity},
          'pain', ${checkins.pain}, 'triggers', ${checkins.triggers}, 'needs', ${checkins.needs},
          'note', ${checkins.note})`)} as body
      from ${checkins}
      where ${and(scope(checkins), only('checkin', checkins.id))}`);
  }
  if (wanted('trigger')) {
    out.push(sql`select 'trigger'::text, ${triggerEntries.id}, ${triggerEntries.authorId},
        ${triggerEntries.spaceId}, ${triggerEntries.occurredAt}, null::text, null::text,
        ${triggerEntries.therapistSharedAt},
        ${body(sql`json_build_object('cue', ${triggerEntries.cue}, 'intensity', ${triggerEntries.intensity},
          'felt', ${triggerEntries.felt}, 'helped', ${triggerEntries.helped},
          'nextTime', ${triggerEntries.nextTime})`)}
      from ${triggerEntries}
      where ${and(scope(triggerEntries), isNull(triggerEntries.archivedAt), only('trigger', triggerEntries.id))}`);
  }
  if (wanted('reflection')) {
    out.push(sql`select 'reflection'::text, ${guideReflections.id}, ${guideReflections.authorId},
        ${guideReflections.spaceId}, ${guideReflections.updatedAt}, null::text,
        ${guideReflections.lessonSlug}, ${guideReflections.therapistSharedAt},
        ${body(sql`json_build_object('body', ${guideReflections.body})`)}
      from ${guideReflections}
      where ${and(scope(guideReflections), only('reflection', guideReflections.id))}`);
  }
  if (wanted('letter')) {
    // What a reader gets of a letter is its latest shared version, never the working draft.
    out.push(sql`select 'letter'::text, ${impactLetters.id}, ${impactLetters.authorId},
        ${impactLetters.spaceId}, latest.published_at, null::text, null::text, null::timestamptz,
        ${body(sql`json_build_object('whatHappened', latest.what_happened,
          'howItAffectedMe', latest.how_it_affected_me, 'whatINeedNow', latest.what_i_need_now)`)}
      from ${impactLetters}
      join lateral (select ${impactLetterVersions.publishedAt} as published_at,
          ${impactLetterVersions.whatHappened} as what_happened,
          ${impactLetterVersions.howItAffectedMe} as how_it_affected_me,
          ${impactLetterVersions.whatINeedNow} as what_i_need_now
        from ${impactLetterVersions}
        where ${impactLetterVersions.letterId} = ${impactLetters.id}
        order by ${impactLetterVersions.number} desc limit 1) as latest on true
      where ${and(scope(impactLetters), only('letter', impactLetters.id))}`);
  }
  if (wanted('letter_reflection')) {
    out.push(sql`select 'letter_reflection'::text, ${impactLetterReflections.id},
        ${impactLetterReflections.authorId}, ${impactLetterReflections.spaceId},
        ${impactLetterReflections.sentAt}, null::text, null::text, null::timestamptz,
        ${body(sql`json_build_object('paraphrase', ${impactLetterReflections.paraphrase},
          'acknowledgement', ${impactLetterReflections.acknowledgement})`)}
      from ${impactLetterReflections}
      where ${and(
        scope(impactLetterReflections),
        isNotNull(impactLetterReflections.sentAt),
        only('letter_reflection', impactLetterReflections.id),
      )}`);
  }
  if (wanted('measure')) {
    // The week, the title and the band words: never the answers to single questions.
    out.push(sql`select 'measure'::text, ${measureResponses.id}, ${measureResponses.authorId},
        ${measureResponses.spaceId}, ${measureResponses.createdAt}, ${measureResponses.week}::text,
        ${measureResponses.measureId}, ${measureResponses.therapistSharedAt},
        ${body(sql`json_build_object('scores', ${measureResponses.scores})`)}
      from ${measureResponses}
      where ${and(scope(measureResponses), only('measure', measureResponses.id))}`);
  }
  return out;
}

const COLUMNS = 'kind, id, author_id, space_id, at, day, title, therapist_shared_at, body';

/**
 * The items of every kind `scope` lets through, as one `union all` with the columns of
 * `SharedItemRow`. Use it as a subquery: `select ... from (${sharedItems(...)}) as items`.
 */
export function sharedItems(scope: ItemScope, query: SharedItemQuery = {}): SQL {
  const parts = sharedItemBranches(scope, query);
  // No kind wanted (an empty pick list): a union that gives no rows, with the same columns.
  if (parts.length === 0) {
    return sql.raw(
      `select null::text as kind, null::uuid as id, null::uuid as author_id, null::uuid as space_id,
        null::timestamptz as at, null::text as day, null::text as title,
        null::timestamptz as therapist_shared_at, null::json as body where false`,
    );
  }
  return sql.join(
    parts.map((part, i) => sql`select * from (${part}) as ${sql.raw(`k${i}(${COLUMNS})`)}`),
    sql` union all `,
  );
}

/* ---------- Keyset pages over the union: (at, id), newest first ---------- */

/** The page position after an item: its exact timestamp text and its id. */
export const itemCursor = keysetCursor({ at: 'timestamp', id: 'uuid' });

/** The WHERE condition for the page after `after` (or every item, for the first page). */
export function afterItem(after: { at: string; id: string } | undefined): SQL {
  return after
    ? sql`(items.at, items.id) < (${after.at}::timestamptz, ${after.id}::uuid)`
    : sql`true`;
}

/* ---------- Content as lines a page can show ---------- */

/** The words a weekly check-in needs: its title, and its scales' titles and band words. */
export interface MeasureWords {
  title: string;
  scales: Map<string, { title: string; bands: Map<string, string> }>;
}

/** One line of an item: `key` names it for the page's own words; `label` comes from content. */
export interface ItemPart {
  key: string;
  label: string | null;
  text: string;
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => text(v)).join(', ');
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** A lesson's title from its slug ("naming-the-hurt" → "Naming the hurt"). */
export function lessonTitle(slug: string): string {
  const words = slug.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * An item's title and content lines, from a row read with its body. Empty lines are left out. A
 * weekly check-in shows its band words and figures, never the answers to single questions.
 */
export function presentSharedItem(
  row: SharedItemRow,
  measures: Map<string, MeasureWords>,
): { title: string | null; parts: ItemPart[] } {
  const part = (key: string, value: unknown, label: string | null = null): ItemPart => ({
    key,
    label,
    text: text(value),
  });
  let parts: ItemPart[];
  let title = row.title;
  const b = row.body ?? {};
  switch (row.kind) {
    case 'checkin':
      parts = ['feelings', 'intensity', 'pain', 'triggers', 'needs', 'note'].map((k) =>
        part(k, b[k]),
      );
      break;
    case 'trigger':
      parts = [
        part('cue', b.cue),
        // A trigger's strength is 0–10, a check-in's 1–5: two keys, so each gets its own label.
        part('triggerIntensity', b.intensity),
        ...['felt', 'helped', 'nextTime'].map((k) => part(k, b[k])),
      ];
      break;
    case 'reflection':
      title = lessonTitle(row.title ?? '');
      parts = [part('body', b.body)];
      break;
    case 'letter':
      parts = ['whatHappened', 'howItAffectedMe', 'whatINeedNow'].map((k) => part(k, b[k]));
      break;
    case 'letter_reflection':
      parts = ['paraphrase', 'acknowledgement'].map((k) => part(k, b[k]));
      break;
    case 'measure': {
      const words = measures.get(row.title ?? '');
      title = words?.title ?? row.title;
      const scores = b.scores as StoredScores | undefined;
      const scale = (id: string, score: { score: number | null; band: string | null }) => {
        const w = words?.scales.get(id);
        const band = score.band ? (w?.bands.get(score.band) ?? score.band) : null;
        const figure = score.score === null ? null : String(Math.round(score.score * 10) / 10);
        return part('scale', [band, figure].filter((x) => x !== null).join(' · '), w?.title ?? id);
      };
      parts = scores
        ? [
            scale('total', scores.total),
            ...Object.entries(scores.subscales).map(([id, s]) => scale(id, s)),
          ]
        : [];
      break;
    }
  }
  return { title, parts: parts.filter((p) => p.text.trim() !== '') };
}
