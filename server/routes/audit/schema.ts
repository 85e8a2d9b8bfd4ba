import { z } from 'zod';

const isoInstant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

/** `GET /api/audit`: filters, keyset cursor (the last id seen) and format. */
export const auditQuerySchema = z
  .strictObject({
    actor: z.uuid().optional(),
    action: z
      .string()
      .regex(/^[a-z_]+\.[a-z_]+$/, 'must be an action like auth.login')
      .optional(),
    from: isoInstant.optional(),
    to: isoInstant.optional(),
    q: z.string().trim().max(200).optional(),
    cursor: z
      .string()
      .regex(/^\d{1,18}$/, 'is not a cursor from this API')
      .optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: 'must not be after to', path: ['from'] });

export type AuditQuery = z.infer<typeof auditQuerySchema>;
