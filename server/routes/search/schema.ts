import { z } from 'zod';

export const searchQuerySchema = z.object({
  // Not trimmed: a trailing space says the last word is complete (no prefix match).
  q: z
    .string()
    .max(200)
    .refine((q) => q.trim().length > 0, 'must not be empty')
    // PostgreSQL text cannot hold NUL; refuse it here rather than fail in the query.
    .refine((q) => !q.includes('\u0000'), 'must not contain NUL characters'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  cursor: z.string().max(500).optional(),
});
