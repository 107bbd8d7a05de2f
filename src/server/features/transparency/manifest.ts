import { transparencyOffers } from '#server/db/schema/index.ts';
import type { FeatureManifest } from '#server/policy/manifest.ts';
import { rowsOf } from '#server/policy/rules.ts';
import { transparencyExportPart } from './export-part';

/** Transparency offers, as the whole sees them. */
export const transparencyManifest: FeatureManifest = {
  name: 'transparency',
  exportPart: transparencyExportPart,
  tables: [transparencyOffers],
  tests: { canary: 'transparency', authz: 'transparency' },
  // An offer keeps the name of who made or paused it; an erased person's becomes "a former
  // partner" (their id is cleared by the foreign key).
  onErase: async (tx, userId, formerName) => {
    await tx
      .update(transparencyOffers)
      .set({ authorName: formerName })
      .where(rowsOf(transparencyOffers.authorId, userId));
    await tx
      .update(transparencyOffers)
      .set({ pausedByName: formerName })
      .where(rowsOf(transparencyOffers.pausedById, userId));
  },
};
