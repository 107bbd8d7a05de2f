import { asc, desc } from 'drizzle-orm';
import type { TExportSection } from '#shared/schemas/my-data.ts';
import type { Database } from '#server/db/index.ts';
import type { SignedInActor } from '#server/policy/actor.ts';
import { ownItems } from '#server/policy/rules.ts';
import {
  ackItem,
  acks,
  apologies,
  apologyItem,
  commitmentItem,
  commitments,
  followThroughItem,
  followThroughs,
} from './repo';

/**
 * The apology's part of "download my data": what I wrote myself, as it is now — my working
 * drafts, my commitments (sent or not), my follow-through notes and my answers to my partner's.
 * The sent versions are already in the export as the latest shared apology. Only `ownItems`:
 * never a word my partner wrote.
 */

const PARTS = [
  ['whatIDid', 'What I did'],
  ['harm', 'The harm it caused'],
  ['responsibility', 'My responsibility'],
  ['regret', 'What I regret'],
  ['change', 'What will change'],
  ['repair', 'What I offer to repair'],
  ['forgiveness', 'Asking for forgiveness'],
] as const;

export async function apologyExportPart(
  db: Database,
  actor: SignedInActor,
): Promise<TExportSection> {
  const [drafts, promises, notes, answers] = await Promise.all([
    db
      .select()
      .from(apologies)
      .where(ownItems(actor, apologyItem))
      .orderBy(desc(apologies.createdAt)),
    db
      .select()
      .from(commitments)
      .where(ownItems(actor, commitmentItem))
      .orderBy(asc(commitments.createdAt)),
    db
      .select()
      .from(followThroughs)
      .where(ownItems(actor, followThroughItem))
      .orderBy(asc(followThroughs.createdAt)),
    db.select().from(acks).where(ownItems(actor, ackItem)).orderBy(asc(acks.createdAt)),
  ]);
  const by = 'Written by you';
  return {
    key: 'apology',
    heading: 'My apology and commitments',
    entries: [
      ...drafts.map((row) => ({
        title: 'My apology (working draft)',
        at: row.updatedAt.toISOString(),
        by,
        fields: PARTS.map(([key, label]) => ({ label, text: row[key] })).filter(
          (field) => field.text.trim() !== '',
        ),
      })),
      ...promises.map((row) => ({
        title: 'A commitment',
        at: row.updatedAt.toISOString(),
        by,
        fields: [
          { label: 'The promise', text: row.text },
          { label: 'Check-in day', text: row.checkInOn },
        ],
      })),
      ...notes.map((row) => ({
        title: 'How I kept a commitment',
        at: row.createdAt.toISOString(),
        by,
        fields: [
          { label: 'How I kept it', text: row.note },
          { label: 'When', text: row.on },
        ],
      })),
      ...answers.map((row) => ({
        title: 'My answer to a follow-through note',
        at: row.updatedAt.toISOString(),
        by,
        fields: [
          { label: 'Answer', text: row.answer === 'seen' ? 'I see it' : 'Not yet' },
          ...(row.note ? [{ label: 'Note', text: row.note }] : []),
        ],
      })),
    ],
  };
}
