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
