import { z } from 'zod';
import { ZIsoDate } from './common';

/** "My data": the export and account erasure. */

/** The seven days between asking for erasure and it happening, when it can still be stopped. */
export const ERASURE_COOLING_OFF_DAYS = 7;

export const ZErasureStatus = z.object({
  scheduled: z
    .object({
      requestedAt: ZIsoDate,
      /** When the account and its data are deleted, unless cancelled first. */
      executeAt: ZIsoDate,
    })
    .nullable(),
});
export type TErasureStatus = z.infer<typeof ZErasureStatus>;

/** Response header with a rough size of the export, for the page's progress bar. */
export const EXPORT_ESTIMATE_HEADER = 'x-export-estimated-bytes';

/**
 * A part of the export that another feature writes (co-authored injuries, the trigger plan, my
 * impact-letter drafts): a heading and entries of labelled text. The feature reads its rows
 * through the policy layer itself; the export only writes what it is given.
 */
export interface TExportSection {
  /** The JSON key, and the HTML section's id. */
  key: string;
  heading: string;
  entries: {
    title: string;
    /** When it was last changed (ISO). */
    at: string;
    /** "Written by you", "Written together with Sam"; null when it needs no words. */
    by: string | null;
    fields: { label: string; text: string }[];
  }[];
}
