import { and, eq, inArray, isNotNull, isNull, ne, sql, type SQL } from 'drizzle-orm';
import { AppError, notFound } from '../../../shared/errors';
import {
  PREP_PAGE_SIZE,
  type TCandidatesResponse,
  type TPick,
  type TPrep,
  type TPrepBody,
  type TPrepItem,
  type TPrepKind,
} from '../../../shared/schemas/session-prep';
import type { Database } from '../../db';
import { queryRows } from '../../db/query';
import {
  checkins,
  guideReflections,
  impactLetterReflections,
  impactLetterVersions,
  impactLetters,
  measureResponses,
  sessionPreps,
  triggerEntries,
  type StoredScores,
} from '../../db/schema';
import type { SignedInActor } from '../../policy/actor';
import { visibleItems, type AuthoredItemColumns } from '../../policy/rules';
import type { MeasureWords } from './measure-words';

interface ItemRow extends Record<string, unknown> {
  kind: TPrepKind;
  id: string;
  author_id: string;
  /** Postgres' own text for the timestamp: exact, so it can go back into a cursor. */
  at: string;
  day: string | null;
  title: string | null;
  body: Record<string, unknown>;
}

/**
 * What the person may bring: items they can read (`visibleItems`, the one rule for every read)
 * that are not private — their own shared items and what their partner shared with them. Never a
 * private item, not even their own.
 */
function shared(actor: SignedInActor, item: AuthoredItemColumns): SQL {
  return and(visibleItems(actor, item), ne(item.visibility, 'private'))!;
}

/** One branch of the union per kind, each giving the same columns. `ids` narrows it to picks. */
function branches(
  actor: SignedInActor,
  ids?: Map<TPrepKind, string[]>,
  onlyKind?: TPrepKind,
): SQL[] {
  const only = (kind: TPrepKind, column: AuthoredItemColumns['authorId']): SQL | undefined => {
    if (!ids) return undefined;
    const list = ids.get(kind);
    return list && list.length > 0 ? inArray(column, list) : sql`false`;
  };
  const wanted = (kind: TPrepKind) =>
    (!onlyKind || onlyKind === kind) && (!ids || (ids.get(kind)?.length ?? 0) > 0);
  const out: SQL[] = [];

  if (wanted('checkin')) {
    out.push(sql`select 'checkin'::text as kind, ${checkins.id} as id, ${checkins.authorId} as author_id,
        ${checkins.createdAt} as at, ${checkins.day}::text as day, null::text as title,
        json_build_object('feelings', ${checkins.feelings}, 'intensity', ${checkins.intensity},
          'pain', ${checkins.pain}, 'triggers', ${checkins.triggers}, 'needs', ${checkins.needs},
          'note', ${checkins.note}) as body
      from ${checkins}
      where ${and(shared(actor, checkins), only('checkin', checkins.id))}`);
  }
  if (wanted('trigger')) {
    out.push(sql`select 'trigger'::text, ${triggerEntries.id}, ${triggerEntries.authorId},
        ${triggerEntries.occurredAt}, null::text, null::text,
        json_build_object('cue', ${triggerEntries.cue}, 'intensity', ${triggerEntries.intensity},
          'felt', ${triggerEntries.felt}, 'helped', ${triggerEntries.helped},
          'nextTime', ${triggerEntries.nextTime})
      from ${triggerEntries}
      where ${and(
        shared(actor, triggerEntries),
        isNull(triggerEntries.archivedAt),
        only('trigger', triggerEntries.id),
      )}`);
  }
  if (wanted('reflection')) {
    out.push(sql`select 'reflection'::text, ${guideReflections.id}, ${guideReflections.authorId},
        ${guideReflections.updatedAt}, null::text, ${guideReflections.lessonSlug},
        json_build_object('body', ${guideReflections.body})
      from ${guideReflections}
      where ${and(shared(actor, guideReflections), only('reflection', guideReflections.id))}`);
  }
  if (wanted('letter')) {
    // What the partner reads of a letter is its latest shared version, never the working draft.
    out.push(sql`select 'letter'::text, ${impactLetters.id}, ${impactLetters.authorId},
        latest.published_at, null::text, null::text,
        json_build_object('whatHappened', latest.what_happened,
          'howItAffectedMe', latest.how_it_affected_me, 'whatINeedNow', latest.what_i_need_now)
      from ${impactLetters}
      join lateral (select ${impactLetterVersions.publishedAt} as published_at,
          ${impactLetterVersions.whatHappened} as what_happened,
          ${impactLetterVersions.howItAffectedMe} as how_it_affected_me,
          ${impactLetterVersions.whatINeedNow} as what_i_need_now
        from ${impactLetterVersions}
        where ${impactLetterVersions.letterId} = ${impactLetters.id}
        order by ${impactLetterVersions.number} desc limit 1) as latest on true
      where ${and(shared(actor, impactLetters), only('letter', impactLetters.id))}`);
  }
  if (wanted('letter_reflection')) {
    out.push(sql`select 'letter_reflection'::text, ${impactLetterReflections.id},
        ${impactLetterReflections.authorId}, ${impactLetterReflections.sentAt}, null::text, null::text,
        json_build_object('paraphrase', ${impactLetterReflections.paraphrase},
          'acknowledgement', ${impactLetterReflections.acknowledgement})
      from ${impactLetterReflections}
      where ${and(
        shared(actor, impactLetterReflections),
        isNotNull(impactLetterReflections.sentAt),
        only('letter_reflection', impactLetterReflections.id),
      )}`);
  }
  if (wanted('measure')) {
    // The week, the title and the band words: never the answers to single questions.
    out.push(sql`select 'measure'::text, ${measureResponses.id}, ${measureResponses.authorId},
        ${measureResponses.createdAt}, ${measureResponses.week}::text, ${measureResponses.measureId},
        json_build_object('scores', ${measureResponses.scores})
      from ${measureResponses}
      where ${and(shared(actor, measureResponses), only('measure', measureResponses.id))}`);
  }
  return out;
}

/** The branches as one union; every branch is named alike, whichever comes first. */
function unionOf(parts: SQL[]): SQL {
  return sql.join(
    parts.map(
      (part, i) =>
        sql`select * from (${part}) as ${sql.raw(`k${i}`)}(kind, id, author_id, at, day, title, body)`,
    ),
    sql` union all `,
  );
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => text(v)).join(', ');
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function lessonTitle(slug: string): string {
  const words = slug.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export class SessionPrepService {
  constructor(
    private readonly db: Database,
    private readonly measures: Map<string, MeasureWords>,
  ) {}

  private present(actor: SignedInActor, row: ItemRow): TPrepItem {
    const mine = row.author_id === actor.userId;
    const part = (key: string, value: unknown, label: string | null = null) => ({
      key,
      label,
      text: text(value),
    });
    let parts: TPrepItem['parts'];
    let title = row.title;
    const b = row.body;
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
        const words = this.measures.get(row.title ?? '');
        title = words?.title ?? row.title;
        const scores = b.scores as StoredScores;
        const scale = (id: string, score: { score: number | null; band: string | null }) => {
          const w = words?.scales.get(id);
          const band = score.band ? (w?.bands.get(score.band) ?? score.band) : null;
          const figure = score.score === null ? null : String(Math.round(score.score * 10) / 10);
          return part(
            'scale',
            [band, figure].filter((x) => x !== null).join(' · '),
            w?.title ?? id,
          );
        };
        parts = [
          scale('total', scores.total),
          ...Object.entries(scores.subscales).map(([id, s]) => scale(id, s)),
        ];
        break;
      }
    }
    return {
      kind: row.kind,
      id: row.id,
      mine,
      authorName: mine ? actor.displayName : (actor.space?.partner?.displayName ?? ''),
      at: new Date(row.at).toISOString(),
      day: row.day,
      title,
      parts: parts.filter((p) => p.text.trim() !== ''),
    };
  }

  /** The picked items I may read now, in one query; anything no longer shared is simply absent. */
  private async resolve(actor: SignedInActor, picks: TPick[]): Promise<Map<string, TPrepItem>> {
    const found = new Map<string, TPrepItem>();
    if (picks.length === 0) return found;
    const ids = new Map<TPrepKind, string[]>();
    for (const pick of picks) ids.set(pick.kind, [...(ids.get(pick.kind) ?? []), pick.id]);
    const rows = await queryRows<ItemRow>(this.db, unionOf(branches(actor, ids)));
    for (const row of rows) found.set(`${row.kind}:${row.id}`, this.present(actor, row));
    return found;
  }

  /** My prep, with each pick's content read now through the visibility rule (two queries). */
  async read(actor: SignedInActor): Promise<TPrep> {
    const [row] = await this.db
      .select()
      .from(sessionPreps)
      .where(eq(sessionPreps.userId, actor.userId));
    if (!row) return { topics: '', questions: '', version: 0, updatedAt: null, items: [] };
    const found = await this.resolve(actor, row.picks as TPick[]);
    const items = (row.picks as TPick[])
      .map((p) => found.get(`${p.kind}:${p.id}`))
      .filter((item): item is TPrepItem => item !== undefined);
    return {
      topics: row.topics,
      questions: row.questions,
      version: row.version,
      updatedAt: row.updatedAt.toISOString(),
      items,
    };
  }

  /** Items I may bring, newest first, keyset-paged on (time, id). */
  async candidates(
    actor: SignedInActor,
    kind: TPrepKind | undefined,
    cursor: string | undefined,
  ): Promise<TCandidatesResponse> {
    const after = cursor === undefined ? undefined : decodeCursor(cursor);
    const union = unionOf(branches(actor, undefined, kind));
    const rows = await queryRows<ItemRow>(
      this.db,
      sql`select * from (${union}) as items
        where ${after ? sql`(items.at, items.id) < (${after.at}::timestamptz, ${after.id}::uuid)` : sql`true`}
        order by items.at desc, items.id desc
        limit ${PREP_PAGE_SIZE + 1}`,
    );
    const page = rows.slice(0, PREP_PAGE_SIZE);
    const last = page.at(-1);
    return {
      items: page.map((row) => this.present(actor, row)),
      nextCursor: rows.length > PREP_PAGE_SIZE && last ? encodeCursor(last.at, last.id) : null,
    };
  }

  /** Saves my notes and picks when I started from the current version; 412 otherwise. */
  async save(actor: SignedInActor, version: number, body: TPrepBody): Promise<TPrep> {
    const found = await this.resolve(actor, body.picks);
    // One answer for "not there" and "not yours to bring": the same 404 as everywhere.
    if (body.picks.some((p) => !found.has(`${p.kind}:${p.id}`))) throw notFound();
    const values = {
      topics: body.topics,
      questions: body.questions,
      picks: body.picks.map((p) => ({ kind: p.kind, id: p.id })),
    };
    const saved =
      version === 0
        ? await this.db
            .insert(sessionPreps)
            .values({ userId: actor.userId, ...values })
            .onConflictDoNothing()
            .returning({ version: sessionPreps.version })
        : await this.db
            .update(sessionPreps)
            .set({ ...values, version: sql`${sessionPreps.version} + 1`, updatedAt: new Date() })
            .where(and(eq(sessionPreps.userId, actor.userId), eq(sessionPreps.version, version)))
            .returning({ version: sessionPreps.version });
    if (saved.length === 0) {
      throw new AppError(
        'precondition_failed',
        'Your notes were changed in another tab or on another device. The saved notes are shown; what you wrote is still in the form.',
        undefined,
        { current: await this.read(actor) },
      );
    }
    return this.read(actor);
  }

  /** Start over: empty notes, nothing picked. The version keeps counting, so an old tab gets a 412. */
  async clear(actor: SignedInActor): Promise<TPrep> {
    await this.db
      .update(sessionPreps)
      .set({
        topics: '',
        questions: '',
        picks: [],
        version: sql`${sessionPreps.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(sessionPreps.userId, actor.userId));
    return this.read(actor);
  }
}

function badCursor(): AppError {
  return new AppError(
    'validation_failed',
    'This page position is not valid. Please reload the list.',
    {
      cursor: 'This page position is not valid. Please reload the list.',
    },
  );
}

function encodeCursor(at: string, id: string): string {
  return Buffer.from(JSON.stringify([at, id])).toString('base64url');
}

function decodeCursor(cursor: string): { at: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string' &&
      /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/.test(
        value[0],
      ) &&
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value[1])
    ) {
      return { at: value[0], id: value[1] };
    }
  } catch {
    // falls through to the same answer as any other bad cursor
  }
  throw badCursor();
}
