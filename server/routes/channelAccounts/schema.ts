import { z } from 'zod';

export const accountParamsSchema = z.object({ id: z.uuid() });

/** What an admin or lead may change; the rest of the settings keep their values. */
export const updateAccountSettingsSchema = z
  .object({
    searchQueries: z.array(z.string().trim().min(1).max(512)).max(10),
    monthlyReadBudget: z.number().int().positive().max(100_000_000),
    postsPer24h: z.number().int().positive().max(100_000),
  })
  .partial()
  .strict();
