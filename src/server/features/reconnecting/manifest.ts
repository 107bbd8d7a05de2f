import {
  reconnectingAppreciations,
  reconnectingDateNotes,
  reconnectingDates,
  reconnectingPacing,
  reconnectingPacingPauses,
  reconnectingRituals,
} from '#server/db/schema/index.ts';
import type { FeatureManifest } from '#server/policy/manifest.ts';
import { reconnectingExportPart } from './export-part';

/**
 * Reconnecting, as the whole sees it: its tables and its tests. It adds no news kind and no
 * milestone on purpose: appreciations are never counted, and a pause must leave no count, time or
 * line anywhere but the one word "paused" on this page (decisions 0069 and 0070).
 */
export const reconnectingManifest: FeatureManifest = {
  name: 'reconnecting',
  tables: [
    reconnectingRituals,
    reconnectingAppreciations,
    reconnectingDates,
    reconnectingDateNotes,
    reconnectingPacing,
    reconnectingPacingPauses,
  ],
  exportPart: reconnectingExportPart,
  tests: { canary: 'reconnecting', authz: 'reconnecting' },
};
