import { desc } from 'drizzle-orm';
import type { TExportSection } from '#shared/schemas/my-data.ts';
import type { Database } from '#server/db/index.ts';
import { impactLetters as letters } from '#server/db/schema/index.ts';
import type { SignedInActor } from '#server/policy/actor.ts';
import { ownItems } from '#server/policy/rules.ts';
import { letterItem } from './repo';

/**
 * The impact letter's part of "download my data": my own working drafts, every letter I have
 * started, as they are now. (What I shared, and what my partner shared with me, are already in
 * the export's entries as the latest shared versions.) Only `ownItems`: never a partner's draft.
 */

const SECTIONS = [
  ['whatHappened', 'What happened for me'],
  ['howItAffectedMe', 'How it affected me'],
  ['whatINeedNow', 'What I need now'],
] as const;

export async function letterDraftsExportPart(
  db: Database,
  actor: SignedInActor,
): Promise<TExportSection> {
  const rows = await db
    .select()
    .from(letters)
    .where(ownItems(actor, letterItem))
    .orderBy(desc(letters.createdAt), desc(letters.id));
  return {
    key: 'impactLetterDrafts',
    heading: 'My impact letter drafts',
    entries: rows.map((row) => ({
      title: row.supersededAt ? 'An earlier letter' : 'My letter',
      at: row.updatedAt.toISOString(),
      by: 'Written by you (your working draft)',
      fields: SECTIONS.map(([key, label]) => ({ label, text: row[key] })).filter(
        (field) => field.text.trim() !== '',
      ),
    })),
  };
}
