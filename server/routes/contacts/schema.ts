import { z } from 'zod';

export const contactParamsSchema = z.object({ id: z.uuid() });

export const contactProfileQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
