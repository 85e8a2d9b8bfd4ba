import { z } from 'zod';
import { ROLES } from '../../../common/types';

export const initials = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{N}]{1,4}$/u, 'must be 1 to 4 letters or digits');
export const name = z.string().trim().min(1).max(100);
const teamIds = z.array(z.uuid()).max(50);
const locale = z.enum(['en', 'de']);

export const userIdParamsSchema = z.object({ id: z.uuid() });

export const inviteSchema = z.strictObject({
  email: z.email().max(320),
  role: z.enum(ROLES),
  locale: locale.default('en'),
  teamIds: teamIds.default([]),
});

export const manageUserSchema = z
  .strictObject({ name, initials, role: z.enum(ROLES), locale, teamIds })
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: 'Give at least one field to change' });
