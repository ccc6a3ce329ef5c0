import { z } from 'zod';

export const ZHealth = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({ status: z.enum(['ok', 'error']), kind: z.enum(['pglite', 'postgres']), latencyMs: z.number() }),
  queue: z.object({ status: z.enum(['ok', 'error', 'stopped']) }),
  version: z.string(),
});
export type THealth = z.infer<typeof ZHealth>;
