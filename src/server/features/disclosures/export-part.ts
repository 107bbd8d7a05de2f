import { desc } from 'drizzle-orm';
import type { TExportSection } from '#shared/schemas/my-data.ts';
import type { Database } from '#server/db/index.ts';
import { disclosures } from '#server/db/schema/index.ts';
import type { SignedInActor } from '#server/policy/actor.ts';
import { ownItems } from '#server/policy/rules.ts';
import { disclosureItem } from './service';

/**
 * The disclosures' part of "download my data": what I wrote, drafts and sealed alike, with when
 * it was sealed and opened. Only `ownItems`: what my partner sealed for me is theirs.
 */
export async function disclosuresExportPart(
  db: Database,
  actor: SignedInActor,
): Promise<TExportSection> {
  const rows = await db
    .select()
    .from(disclosures)
    .where(ownItems(actor, disclosureItem))
    .orderBy(desc(disclosures.createdAt), desc(disclosures.id));
  return {
    key: 'disclosures',
    heading: 'My disclosures',
    entries: rows.map((row) => ({
      title: row.openedAt
        ? `Sealed ${row.sealedAt!.toISOString()}, opened ${row.openedAt.toISOString()}`
        : row.sealedAt
          ? `Sealed ${row.sealedAt.toISOString()}, not opened yet`
          : 'A private draft',
      at: (row.sealedAt ?? row.updatedAt).toISOString(),
      by: 'Written by you',
      fields: row.body.trim() === '' ? [] : [{ label: 'What I needed to tell', text: row.body }],
    })),
  };
}
