import { asc, desc, eq } from 'drizzle-orm';
import type { TExportSection } from '#shared/schemas/my-data.ts';
import type { Database } from '#server/db/index.ts';
import {
  meaningFactors as factors,
  meaningStories as stories,
  meaningStoryVersions as versions,
} from '#server/db/schema/index.ts';
import type { SignedInActor } from '#server/policy/actor.ts';
import { readCoAuthored } from '#server/policy/co-authored.ts';
import { isSpaceMember, ownItems } from '#server/policy/rules.ts';
import { SHARED_STORY } from './shared-service';

/**
 * Meaning's part of "download my data": my own factors and stories (drafts and what I shared),
 * and the shared story of the people in my space now, read through my own membership. Nothing my
 * partner wrote alone is in it.
 */

const AREA_NAMES: Record<string, string> = {
  relationship: 'Between us',
  me: 'In me',
  partner: 'In my partner, as I saw it',
  outside: 'Around us',
};

export async function meaningExportPart(
  db: Database,
  actor: SignedInActor,
): Promise<TExportSection> {
  const section: TExportSection = {
    key: 'meaning',
    heading: 'Making sense of it',
    entries: [],
  };
  const mine = await db
    .select()
    .from(factors)
    .where(ownItems(actor, factors))
    .orderBy(asc(factors.createdAt), asc(factors.id));
  for (const f of mine) {
    section.entries.push({
      title: f.sharedAt ? 'An entry of my map, shared' : 'An entry of my map, private',
      at: f.updatedAt.toISOString(),
      by: null,
      fields: [{ label: AREA_NAMES[f.area] ?? f.area, text: f.text }],
    });
  }
  const myStories = await db.select().from(stories).where(ownItems(actor, stories));
  for (const s of myStories) {
    if (s.text.trim() !== '') {
      section.entries.push({
        title: 'My account, as I last saved it',
        at: s.updatedAt.toISOString(),
        by: null,
        fields: [{ label: 'My account', text: s.text }],
      });
    }
    const shared = await db
      .select()
      .from(versions)
      .where(eq(versions.storyId, s.id))
      .orderBy(desc(versions.number));
    for (const v of shared) {
      section.entries.push({
        title: `My account, version ${v.number} as shared`,
        at: v.sharedAt.toISOString(),
        by: null,
        fields: [{ label: 'My account', text: v.text }],
      });
    }
  }
  if (isSpaceMember(actor)) {
    const read = await readCoAuthored(db, SHARED_STORY, actor);
    if (read.current) {
      section.entries.push({
        title: 'Our story, written together',
        at: read.current.updatedAt.toISOString(),
        by: `Last changed by ${read.current.updatedById === actor.userId ? 'you' : read.current.updatedByName}`,
        fields: [
          { label: 'What happened, and what it means to us', text: read.current.sections.story },
          {
            label: 'Where we still see things differently',
            text: read.current.sections.differently,
          },
        ].filter((field) => field.text.trim() !== ''),
      });
    }
  }
  return section;
}
