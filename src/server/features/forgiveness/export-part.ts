import { desc } from 'drizzle-orm';
import type { TExportSection } from '#shared/schemas/my-data.ts';
import type { Database } from '#server/db/index.ts';
import { forgivenessReflections as reflections } from '#server/db/schema/index.ts';
import type { SignedInActor } from '#server/policy/actor.ts';
import { ownItems } from '#server/policy/rules.ts';

/**
 * The forgiveness reflection's part of "download my data": my own private reflections, every
 * space I wrote one in. (Pieces I shared are in the export's shared entries.) Only `ownItems`.
 */
const PROMPTS = [
  ['whereIAm', 'Where I am with forgiveness'],
  ['wouldMean', 'What forgiving would mean for me'],
  ['wouldNotMean', 'What forgiving would not mean'],
  ['whatINeed', 'What I need before I could go further'],
  ['toShare', 'Words I might share'],
] as const;

export async function forgivenessExportPart(
  db: Database,
  actor: SignedInActor,
): Promise<TExportSection> {
  const rows = await db
    .select()
    .from(reflections)
    .where(ownItems(actor, reflections))
    .orderBy(desc(reflections.updatedAt), desc(reflections.id));
  return {
    key: 'forgivenessReflections',
    heading: 'My reflections on forgiveness',
    entries: rows.map((row) => ({
      title: 'My reflection on forgiveness',
      at: row.updatedAt.toISOString(),
      by: 'Written by you (private)',
      fields: PROMPTS.map(([key, label]) => ({ label, text: row[key] })).filter(
        (field) => field.text.trim() !== '',
      ),
    })),
  };
}
