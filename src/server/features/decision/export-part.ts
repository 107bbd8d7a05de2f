import { desc } from 'drizzle-orm';
import type { TExportSection } from '#shared/schemas/my-data.ts';
import type { Database } from '#server/db/index.ts';
import { decisionReflections as reflections } from '#server/db/schema/index.ts';
import type { SignedInActor } from '#server/policy/actor.ts';
import { ownItems } from '#server/policy/rules.ts';

/**
 * The decision reflection's part of "download my data": my own working reflection in every space
 * I wrote one in, as it is now. (A shared copy is in the export's shared entries.) Only `ownItems`.
 */
const LEANING: Record<string, string> = {
  recommit: 'Recommit',
  separate: 'Separate',
  not_sure: 'Not sure yet',
};
const PARTS = [
  ['needs', 'What I need in order to go on'],
  ['limits', 'What I could not accept'],
  ['ownWords', 'In my own words'],
] as const;

export async function decisionExportPart(
  db: Database,
  actor: SignedInActor,
): Promise<TExportSection> {
  const rows = await db
    .select()
    .from(reflections)
    .where(ownItems(actor, reflections))
    .orderBy(desc(reflections.updatedAt), desc(reflections.id));
  return {
    key: 'decisionReflections',
    heading: 'My reflections on what comes next',
    entries: rows.map((row) => ({
      title: 'My reflection on what comes next',
      at: row.updatedAt.toISOString(),
      by: 'Written by you (your working draft)',
      fields: [
        { label: 'Where I am leaning', text: row.leaning ? (LEANING[row.leaning] ?? '') : '' },
        ...PARTS.map(([key, label]) => ({ label, text: row[key] })),
      ].filter((field) => field.text.trim() !== ''),
    })),
  };
}
