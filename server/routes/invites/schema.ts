import { z } from 'zod';
import { initials, name } from '../users/schema';

export const inviteTokenParamsSchema = z.object({
  token: z.string().regex(/^[\w-]{20,100}$/, 'is not an invitation'),
});

export const acceptInviteSchema = z.strictObject({
  name,
  initials,
  // ASVS 2.1.1/2.1.2: at least 12 characters, long passphrases allowed.
  password: z.string().min(12, 'must be at least 12 characters').max(128),
});
