import { Readable } from 'node:stream';
import { eq, sql } from 'drizzle-orm';
import { ZipFile } from 'yazl';
import type { Database } from '#server/db/index.ts';
import { queryRows } from '#server/db/index.ts';
import { users } from '#server/db/schema/index.ts';
import type { TExportSection } from '#shared/schemas/my-data.ts';
import type { SignedInActor } from '#server/policy/actor.ts';
import type { FeatureWhole } from '#server/policy/manifest.ts';
import { visibleItems } from '#server/policy/rules.ts';
import { afterItem, sharedItems, type SharedItemRow } from '#server/policy/shared-items.ts';

/**
 * "Download my data": everything I wrote and everything my partner shared with me, as JSON (for
 * machines) and as one readable HTML page, in a zip that is written while it is read. Every read
 * goes through the policy layer: `visibleItems` (mine + shared with me), `ownItems`,
 * `visibleMessages` — so a partner's private item can never be in it.
 */

/**
 * What the export reads of other features, through their manifests: every shareable kind, the
 * injuries' and messages' own queries for my notes and my therapist messages, and the sections
 * features add of their own (co-authored injuries, the trigger plan, my letter drafts).
 */
export type ExportParts = Pick<FeatureWhole, 'shareable' | 'queries' | 'exportParts'>;

/** Items are read this many at a time, newest first, so a large account never sits in memory. */
const PAGE = 200;

export interface ExportItem {
  kind: SharedItemRow['kind'];
  id: string;
  /** Written by me, or shared with me by my partner. */
  mine: boolean;
  author: string;
  at: string;
  day: string | null;
  title: string | null;
  content: Record<string, unknown>;
}

interface Person {
  id: string;
  displayName: string;
  email: string;
  createdAt: string;
}

/** A rough size of the zip before it is made, for the page's progress bar. */
export async function estimateExportBytes(
  db: Database,
  actor: SignedInActor,
  parts: ExportParts,
): Promise<number> {
  const [row] = await queryRows<{ bytes: number }>(
    db,
    sql`select coalesce(sum(octet_length(items.body::text) * 2 + 600), 0)::bigint::float8 as bytes
      from (${sharedItems(parts.shareable, (item) => visibleItems(actor, item))}) as items`,
  );
  return Math.round((row?.bytes ?? 0) + 16_384);
}

async function* itemPages(
  db: Database,
  actor: SignedInActor,
  parts: ExportParts,
): AsyncGenerator<SharedItemRow[]> {
  let after: { at: string; id: string } | undefined;
  for (;;) {
    const rows = await queryRows<SharedItemRow>(
      db,
      sql`select items.* from (${sharedItems(parts.shareable, (item) => visibleItems(actor, item))}) as items
        where ${afterItem(after)}
        order by items.at desc, items.id desc limit ${PAGE}`,
    );
    if (rows.length === 0) return;
    yield rows;
    const last = rows[rows.length - 1]!;
    after = { at: String(last.at), id: last.id };
    if (rows.length < PAGE) return;
  }
}

function toItem(actor: SignedInActor, row: SharedItemRow): ExportItem {
  const mine = row.author_id === actor.userId;
  return {
    kind: row.kind,
    id: row.id,
    mine,
    author: mine ? actor.displayName : (actor.space?.partner?.displayName ?? 'Partner'),
    at: new Date(String(row.at)).toISOString(),
    day: row.day,
    title: row.title,
    content: row.body ?? {},
  };
}

async function personOf(db: Database, actor: SignedInActor): Promise<Person> {
  const [row] = await db
    .select({ createdAt: users.createdAt })
    .from(users)
    .where(eq(users.id, actor.userId));
  return {
    id: actor.userId,
    displayName: actor.displayName,
    email: actor.email,
    createdAt: (row?.createdAt ?? new Date()).toISOString(),
  };
}

/* ---------- JSON ---------- */

async function* jsonFile(
  db: Database,
  actor: SignedInActor,
  parts: ExportParts,
  sections: Promise<TExportSection[]>,
  now: Date,
) {
  const person = await personOf(db, actor);
  yield `{"exportedAt":${JSON.stringify(now.toISOString())},"person":${JSON.stringify(person)},"items":[`;
  let first = true;
  for await (const page of itemPages(db, actor, parts)) {
    for (const row of page) {
      yield `${first ? '' : ','}\n${JSON.stringify(toItem(actor, row))}`;
      first = false;
    }
  }
  yield `],"injuryNotes":${JSON.stringify(await parts.queries.myInjuryNotes(db, actor))}`;
  yield `,"therapistMessages":${JSON.stringify(await parts.queries.myTherapistMessages(db, actor))}`;
  for (const section of await sections) {
    yield `,${JSON.stringify(section.key)}:${JSON.stringify(section.entries)}`;
  }
  yield '}\n';
}

/* ---------- HTML ---------- */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** "howItAffectedMe" → "How it affected me". */
function fieldLabel(key: string): string {
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function valueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(valueText).filter(Boolean).join(', ');
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function itemHtml(item: ExportItem, kinds: ExportParts['shareable']): string {
  const fields = Object.entries(item.content)
    .map(([key, value]) => [key, valueText(value)] as const)
    .filter(([, text]) => text !== '')
    .map(([key, text]) => `<dt>${escapeHtml(fieldLabel(key))}</dt><dd>${escapeHtml(text)}</dd>`)
    .join('');
  const kindName = kinds.find((k) => k.kind === item.kind)?.title;
  const heading = [kindName, item.day ?? item.title].filter(Boolean).join(' · ');
  const by = item.mine ? 'Written by you' : `Shared with you by ${item.author}`;
  return `<article><h3>${escapeHtml(heading)}</h3><p class="meta">${escapeHtml(by)}, ${escapeHtml(
    item.at.slice(0, 16).replace('T', ' '),
  )} UTC</p>${fields ? `<dl>${fields}</dl>` : ''}</article>\n`;
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:0 auto;padding:1rem;color:#1d1b1a;background:#fff}
h1{font-size:1.6rem}h2{font-size:1.3rem;margin-top:2rem}h3{font-size:1.05rem;margin:0}
article{border-top:1px solid #bbb;padding:.75rem 0}.meta{color:#4a4543;margin:.2rem 0}
dt{font-weight:600;margin-top:.4rem}dd{margin:0;white-space:pre-wrap}`;

function sectionHtml(section: TExportSection): string {
  const entries = section.entries.map((entry) => {
    const fields = entry.fields
      .map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.text)}</dd>`)
      .join('');
    const when = `${entry.at.slice(0, 16).replace('T', ' ')} UTC`;
    const meta = entry.by ? `${entry.by}, ${when}` : when;
    return `<article><h3>${escapeHtml(entry.title)}</h3><p class="meta">${escapeHtml(meta)}</p>${
      fields ? `<dl>${fields}</dl>` : ''
    }</article>\n`;
  });
  return `<h2 id="${escapeHtml(section.key)}">${escapeHtml(section.heading)}</h2>\n${entries.join('')}`;
}

async function* htmlFile(
  db: Database,
  actor: SignedInActor,
  parts: ExportParts,
  sections: Promise<TExportSection[]>,
  now: Date,
) {
  const person = await personOf(db, actor);
  yield `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>My data</title><style>${STYLE}</style></head><body><main>\n`;
  yield `<h1>My data</h1><p>A copy of what ${escapeHtml(person.displayName)} wrote, and what was shared with them, made on ${escapeHtml(
    now.toISOString().slice(0, 16).replace('T', ' '),
  )} UTC. Keep it somewhere only you can open.</p>\n<h2>Entries</h2>\n`;
  let any = false;
  for await (const page of itemPages(db, actor, parts)) {
    for (const row of page) {
      yield itemHtml(toItem(actor, row), parts.shareable);
      any = true;
    }
  }
  if (!any) yield '<p>No entries yet.</p>\n';
  const notes = await parts.queries.myInjuryNotes(db, actor);
  if (notes.length > 0) {
    yield '<h2>My notes on what happened</h2>\n';
    for (const n of notes) {
      yield `<article><p class="meta">${escapeHtml(n.at.slice(0, 16).replace('T', ' '))} UTC</p><p>${escapeHtml(n.note)}</p></article>\n`;
    }
  }
  const msgs = await parts.queries.myTherapistMessages(db, actor);
  if (msgs.length > 0) {
    yield '<h2>Messages with our therapist</h2>\n';
    for (const m of msgs) {
      const who = m.mine ? 'You' : 'Received';
      yield `<article><p class="meta">${who} · ${m.thread === 'couple' ? 'together' : 'just you'} · ${escapeHtml(
        m.at.slice(0, 16).replace('T', ' '),
      )} UTC</p><p>${escapeHtml(m.body)}</p></article>\n`;
    }
  }
  for (const section of await sections) {
    if (section.entries.length > 0) yield sectionHtml(section);
  }
  yield '</main></body></html>\n';
}

const README = `This folder holds a copy of your data.

my-data.html  - open it in a browser to read everything.
my-data.json  - the same, for other programs.

It holds what you wrote, and what your partner chose to share with you. It never holds anything
your partner kept private. Keep it somewhere only you can open.
`;

/**
 * The zip as a stream. Entries are stored, not compressed: the size is then close to the estimate
 * the page's progress bar uses, and the text inside is small anyway (decision 0033).
 */
export function exportZip(
  db: Database,
  actor: SignedInActor,
  parts: ExportParts,
  now = new Date(),
): Readable {
  const zip = new ZipFile();
  const options = { mtime: now, compress: false } as const;
  // Small (one row per injury or plan or letter), so read once for both files.
  const sections = Promise.all(parts.exportParts.map((part) => part(db, actor)));
  sections.catch(() => undefined); // the files that await it report the failure
  zip.addBuffer(Buffer.from(README), 'README.txt', options);
  zip.addReadStream(
    Readable.from(htmlFile(db, actor, parts, sections, now)),
    'my-data.html',
    options,
  );
  zip.addReadStream(
    Readable.from(jsonFile(db, actor, parts, sections, now)),
    'my-data.json',
    options,
  );
  zip.end();
  return zip.outputStream as Readable;
}
