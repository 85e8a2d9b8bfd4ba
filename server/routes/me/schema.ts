import { z } from 'zod';

/** Any IANA zone or alias ICU knows ("Asia/Kolkata" and "Asia/Calcutta" alike; browsers list either). */
function isTimeZone(zone: string): boolean {
  if (zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const updatePreferencesSchema = z
  .object({
    locale: z.enum(['en', 'de']),
    timeZone: z.string().refine(isTimeZone, { message: 'Unknown time zone' }),
  })
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'Nothing to change' });

/** ASVS 2.1.1/2.1.2: at least 12 characters, up to 128; any characters, no composition rules. */
export const newPasswordSchema = z.string().min(12, 'at least 12 characters').max(128);

export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1).max(1000), newPassword: newPasswordSchema })
  .strict();
