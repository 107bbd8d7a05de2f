import { eq } from 'drizzle-orm';
import {
  agreementAcceptances,
  agreementEvents,
  agreements,
  agreementVersions,
} from '#server/db/schema/index.ts';
import { coAuthoredCommentable } from '#server/policy/co-authored.ts';
import type { FeatureManifest } from '#server/policy/manifest.ts';
import { rowsOf } from '#server/policy/rules.ts';
import { agreementsExportPart } from './export-part';
import { AGREEMENT } from './service';

/** The couple's agreements, as the whole sees them. */
export const agreementsManifest: FeatureManifest = {
  name: 'agreements',
  exportPart: agreementsExportPart,
  tables: [agreements, agreementVersions, agreementAcceptances, agreementEvents],
  // Both partners may comment on an agreement, exactly while they may read it (issue 12).
  commentable: [coAuthoredCommentable(AGREEMENT, 'agreement', 'Agreement')],
  tests: { canary: 'agreements', authz: 'agreements' },
  // Agreements keep the names of who changed, accepted or withdrew; an erased person's become
  // "a former partner".
  onErase: async (tx, userId, formerName) => {
    await tx
      .update(agreements)
      .set({ updatedByName: formerName })
      .where(eq(agreements.updatedById, userId));
    await tx
      .update(agreementVersions)
      .set({ authorName: formerName })
      .where(rowsOf(agreementVersions.authorId, userId));
    await tx
      .update(agreementEvents)
      .set({ byName: formerName })
      .where(eq(agreementEvents.byId, userId));
  },
};
