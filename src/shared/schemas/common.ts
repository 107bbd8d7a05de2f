import { z } from 'zod';

export const ZId = z.uuid({ message: 'This id is not in the expected form.' });
export const ZIdParams = z.object({ id: ZId });
export const ZIsoDate = z.iso.datetime({ offset: true });

export const ZOk = z.object({ ok: z.literal(true) });
export type TOk = z.infer<typeof ZOk>;

export const ZErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
