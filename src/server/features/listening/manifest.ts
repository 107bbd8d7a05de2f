import {
  listeningConversations,
  listeningRounds,
  listeningTurns,
} from '#server/db/schema/index.ts';
import type { FeatureManifest } from '#server/policy/manifest.ts';
import { listeningExportPart } from './export-part';

/**
 * Listening turns, as the whole sees them: three tables of the couple's conversations. Not a
 * shareable kind (it is written to each other, not shared by one author) and it carries no
 * comments: the conversation is its own answer. It asks the program for the couple's pace
 * (`couplePhase`).
 */
export const listeningManifest: FeatureManifest = {
  name: 'listening',
  exportPart: listeningExportPart,
  tables: [listeningConversations, listeningTurns, listeningRounds],
  tests: { canary: 'listening', authz: 'listening' },
};
